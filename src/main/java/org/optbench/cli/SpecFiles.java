package org.optbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optbench.runner.SpecChecks;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.SpecException;

/**
 * Parses and checks every spec of a command line before anything runs, so a typo in the last one
 * costs nothing: syntax and values, the spec's limits, datasets present and well-formed, claims
 * that name what the grid has, every cell implemented by its engine.
 */
final class SpecFiles {

  private SpecFiles() {}

  static List<ExperimentSpec> parseAll(List<Path> files) throws SpecException {
    List<ExperimentSpec> specs = new ArrayList<>();
    for (Checked checked : checkEach(files)) {
      if (checked.problem() != null) {
        throw checked.problem();
      }
      specs.add(checked.spec());
    }
    return specs;
  }

  /** One file's outcome: its spec, or the problem that stopped it (the other is null). */
  record Checked(Path file, ExperimentSpec spec, SpecException problem) {}

  /**
   * Every file checked, each on its own: a bad spec does not hide the problems of the ones after
   * it ({@code validate} reports them all).
   */
  static List<Checked> checkEach(List<Path> files) {
    List<Checked> out = new ArrayList<>();
    Map<String, Path> names = new HashMap<>();
    for (Path file : files) {
      try {
        ExperimentSpec spec = check(file);
        Path clash = names.putIfAbsent(spec.name(), file);
        if (clash != null) {
          throw new SpecException(file, 0, 0,
              "experiment name '" + spec.name() + "' is also used by " + clash
                  + "; results would collide — give each spec its own name");
        }
        out.add(new Checked(file, spec, null));
      } catch (SpecException e) {
        out.add(new Checked(file, null, e));
      }
    }
    return out;
  }

  private static ExperimentSpec check(Path file) throws SpecException {
    return SpecChecks.parse(file);
  }
}
