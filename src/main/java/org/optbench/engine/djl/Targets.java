package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.optbench.workload.Workload;

/** Turns a batch's target column into the array the workload's loss expects. */
final class Targets {

  private Targets() {}

  /**
   * Regression targets as (batch, targets); class labels as one-hot (batch, classes), which is
   * what {@link SoftmaxCrossEntropyLoss} multiplies with.
   */
  static NDArray of(NDManager manager, float[] targets, int batch, Workload workload) {
    if (!workload.loss().classifies()) {
      return manager.create(targets, new Shape(batch, targets.length / batch));
    }
    int classes = workload.network().outputs();
    float[] oneHot = new float[batch * classes];
    for (int i = 0; i < batch; i++) {
      oneHot[i * classes + (int) targets[i]] = 1f;
    }
    return manager.create(oneHot, new Shape(batch, classes));
  }
}
