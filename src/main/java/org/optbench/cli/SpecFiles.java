package org.optbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optbench.claims.ClaimValidation;
import org.optbench.runner.Engines;
import org.optbench.spec.Component;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.SpecException;
import org.optbench.spec.SpecParser;
import org.optbench.workload.WorkloadValidation;

/**
 * Parses and checks every spec of a command line before anything runs, so a typo in the last one
 * costs nothing: syntax and values, the spec's limits, datasets present and well-formed, claims
 * that name what the grid has, every cell implemented by its engine.
 */
final class SpecFiles {

  private SpecFiles() {}

  static List<ExperimentSpec> parseAll(List<Path> files) throws SpecException {
    List<ExperimentSpec> specs = new ArrayList<>();
    Map<String, Path> names = new HashMap<>();
    for (Path file : files) {
      ExperimentSpec spec = SpecParser.parse(file);
      for (Component workload : spec.workloads()) {
        WorkloadValidation.create(spec, workload);
      }
      ClaimValidation.validate(spec);
      var unsupported = Engines.unsupported(spec);
      if (unsupported.isPresent()) {
        throw new SpecException(file, 0, 0, unsupported.get());
      }
      Path clash = names.putIfAbsent(spec.name(), file);
      if (clash != null) {
        throw new SpecException(file, 0, 0,
            "experiment name '" + spec.name() + "' is also used by " + clash
                + "; results would collide — give each spec its own name");
      }
      specs.add(spec);
    }
    return specs;
  }
}
