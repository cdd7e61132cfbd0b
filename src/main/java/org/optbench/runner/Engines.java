package org.optbench.runner;

import org.optbench.engine.TrainingEngine;
import org.optbench.engine.djl.DjlEngine;

/** The engines a spec's {@code engines:} axis can name. */
final class Engines {

  private Engines() {}

  static TrainingEngine forName(String name) {
    return switch (name) {
      case "djl" -> new DjlEngine();
      default -> throw new IllegalArgumentException("no engine called " + name);
    };
  }
}
