package org.optbench.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * YAML a spec may not use: explicit tags, which would hide a value's type or name an object to
 * build, control characters, and structures that cost the parser more than a spec needs (deep
 * nesting, floods of aliases). Each is refused with one located message before the node tree is
 * built. Line and column count from 1 in the YAML text of each case.
 */
class SpecYamlTest {

  private static final Path FILE = Path.of("experiments/x.yaml");

  private static final String TAG_FIX = " is not supported: a spec value's type is how it is"
      + " written (10, 0.1, true, [64, 64], text); remove the tag, and quote text that would"
      + " read as a number";

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @Timeout(5)
  void rejectsWithOneLocatedMessage(String rule, String yaml, String expected) {
    SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(FILE, yaml));
    assertEquals(expected, e.getMessage());
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // --- explicit tags: refused wherever they stand, whatever they name
        Arguments.of("!!int on text", """
            name: t
            workloads: [mlp]
            steps: !!int abc
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:3:8: explicit YAML tag !!int" + TAG_FIX),
        Arguments.of("!!float on text", """
            name: t
            workloads: [mlp]
            steps: 10
            grid: {optimizer: [{name: sgd, lr: !!float fast}]}
            """, "experiments/x.yaml:4:36: explicit YAML tag !!float" + TAG_FIX),
        Arguments.of("!!binary", """
            name: !!binary aGVsbG8=
            """, "experiments/x.yaml:1:7: explicit YAML tag !!binary" + TAG_FIX),
        Arguments.of("!!timestamp", """
            name: t
            description: !!timestamp 2001-12-14
            """, "experiments/x.yaml:2:14: explicit YAML tag !!timestamp" + TAG_FIX),
        Arguments.of("!!set on a map", """
            name: t
            seeds: !!set {1, 2}
            """, "experiments/x.yaml:2:8: explicit YAML tag !!set" + TAG_FIX),
        Arguments.of("!!python/object", """
            name: t
            steps: !!python/object:os.system 10
            """, "experiments/x.yaml:2:8: explicit YAML tag !!python/object:os.system" + TAG_FIX),
        Arguments.of("custom tag", """
            name: t
            workloads: [{model: !foo mlp}]
            """, "experiments/x.yaml:2:21: explicit YAML tag !foo" + TAG_FIX),
        Arguments.of("!!str on a number", """
            name: t
            steps: !!str 10
            """, "experiments/x.yaml:2:8: explicit YAML tag !!str" + TAG_FIX),

        // --- what the YAML parser is asked to build
        Arguments.of("control character", "name: t\u0000\n",
            "experiments/x.yaml:1:8: character U+0000 is not allowed in YAML; remove it (a spec"
                + " is plain text)"),
        Arguments.of("nested too deep", "name: " + "[".repeat(40) + "]".repeat(40) + "\n",
            "experiments/x.yaml:1:38: lists and maps nested more than 32 levels deep; a spec"
                + " needs a few (see experiments/quickstart.yaml)"),
        Arguments.of("too many aliases of lists", "name: t\nworkloads: [{model: mlp, hidden: &h"
            + " [8]}]\nexpect: [" + String.join(", ", Collections.nCopies(51, "*h"))
            + "]\n",
            "experiments/x.yaml:3:210: more than 50 aliases (*name) of lists or maps; each"
                + " repeats its list, and repeated lists multiply the grid: write the values out"
                + " or use fewer aliases"));
  }
}
