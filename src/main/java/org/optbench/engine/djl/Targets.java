package org.optbench.engine.djl;

import ai.djl.ndarray.types.Shape;
import org.optbench.workload.Workload;

/** Turns target columns into the layout the workload's loss expects. */
final class Targets {

  private Targets() {}

  /** The shape of the target array for {@code rows} examples. */
  static Shape shape(int rows, Workload workload) {
    int width = workload.loss().classifies() ? workload.network().outputs() : 1;
    return new Shape(rows, width);
  }

  /**
   * Regression targets unchanged; class labels as one-hot rows, which is what {@link
   * SoftmaxCrossEntropyLoss} multiplies with.
   */
  static float[] encode(float[] targets, Workload workload) {
    if (!workload.loss().classifies()) {
      return targets;
    }
    int classes = workload.network().outputs();
    float[] oneHot = new float[targets.length * classes];
    for (int i = 0; i < targets.length; i++) {
      oneHot[i * classes + (int) targets[i]] = 1f;
    }
    return oneHot;
  }
}
