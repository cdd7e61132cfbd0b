package org.optbench.runner;

import java.nio.file.Path;
import org.optbench.claims.ClaimValidation;
import org.optbench.spec.Component;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.SpecException;
import org.optbench.spec.SpecParser;
import org.optbench.workload.WorkloadValidation;

/**
 * A spec file parsed and checked as far as it can be before anything trains: syntax and values,
 * the spec's limits, datasets present and well-formed, claims that name what the grid has, every
 * cell implemented by its engine.
 */
public final class SpecChecks {

  private SpecChecks() {}

  /** The spec of {@code file}, or the first problem found, naming the file, line and fix. */
  public static ExperimentSpec parse(Path file) throws SpecException {
    ExperimentSpec spec = SpecParser.parse(file);
    for (Component workload : spec.workloads()) {
      WorkloadValidation.create(spec, workload);
    }
    ClaimValidation.validate(spec);
    var unsupported = Engines.unsupported(spec);
    if (unsupported.isPresent()) {
      throw new SpecException(file, 0, 0, unsupported.get());
    }
    return spec;
  }
}
