package org.optbench.runner;

import org.optbench.engine.TrainingEngine;
import org.optbench.engine.djl.DjlEngine;

/** The engines a spec's {@code engines:} axis can name. */
public final class Engines {

  private Engines() {}

  /**
   * Why some cell of {@code spec} cannot run on its engine, or empty when all can: checked before
   * anything runs, so a grid never stops halfway over a missing implementation.
   */
  public static java.util.Optional<String> unsupported(org.optbench.spec.ExperimentSpec spec) {
    for (org.optbench.spec.Cell cell : spec.cells()) {
      java.util.Optional<String> problem = forName(cell.engine()).unsupported(cell);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return java.util.Optional.empty();
  }

  static TrainingEngine forName(String name) {
    return switch (name) {
      case "djl" -> new DjlEngine();
      case "native" -> new org.optbench.engine.djl.NativeEngine();
      default -> throw new IllegalArgumentException("no engine called " + name);
    };
  }
}
