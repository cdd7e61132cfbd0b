package org.optbench.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.ParamDef;

/**
 * docs/optimizers.md against the registry: a table row for every optimizer and clipping method,
 * and every default the optimizers table states ("lr 2e-3, beta1 0.9, ...") equal to the
 * definition's.
 */
class DocsTablesTest {

  private static final Pattern NAME_VALUE =
      Pattern.compile("\\b([a-z][a-z0-9_]*) (−?[0-9][0-9.]*(?:e[−-]?[0-9]+)?|true|false|null)");

  private static List<String> lines() throws Exception {
    return Files.readAllLines(Path.of("docs/optimizers.md"));
  }

  private static String row(List<String> lines, String name) {
    return lines.stream().filter(l -> l.startsWith("| `" + name + "` |")).findFirst()
        .orElseThrow(() -> new AssertionError("docs/optimizers.md has no row for " + name));
  }

  @Test
  void everyOptimizerRowStatesTheRegistrysDefaults() throws Exception {
    List<String> lines = lines();
    int checked = 0;
    for (OptimizerEntry entry : OptimizerRegistry.entries()) {
      ComponentDef def = entry.definition();
      String[] cells = row(lines, def.name()).split(" \\| ");
      Matcher m = NAME_VALUE.matcher(cells[2]);
      while (m.find()) {
        var param = def.param(m.group(1));
        if (param.isEmpty()) {
          continue;
        }
        assertEquals(String.valueOf(param.get().defaultValue()), normalise(m.group(2), param.get()),
            def.name() + "." + m.group(1) + " in docs/optimizers.md");
        checked++;
      }
    }
    assertTrue(checked > 60, "defaults found in the table: " + checked);
  }

  @Test
  void everyClipHasARow() throws Exception {
    List<String> lines = lines();
    for (ClipEntry entry : ClipRegistry.entries()) {
      row(lines, entry.name());
    }
  }

  /** The docs' "2e-3", "−0.8", "1e6" as the definition's default prints. */
  private static String normalise(String text, ParamDef p) {
    String ascii = text.replace('−', '-');
    if (ascii.equals("null") || ascii.equals("true") || ascii.equals("false")) {
      return ascii;
    }
    double value = Double.parseDouble(ascii);
    return p.defaultValue() instanceof Integer ? String.valueOf((int) value) : String.valueOf(value);
  }
}
