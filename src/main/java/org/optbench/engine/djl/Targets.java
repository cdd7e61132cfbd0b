package org.optbench.engine.djl;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import org.optbench.workload.ConvNet;
import org.optbench.workload.DenseNetwork;
import org.optbench.workload.ModelSpec;
import org.optbench.workload.Workload;

/** Turns target columns into the layout the workload's loss expects, and picks that loss. */
final class Targets {

  private Targets() {}

  /** The loss implementing the workload's {@link org.optbench.workload.LossKind}. */
  static Loss loss(Workload workload) {
    return switch (workload.loss()) {
      case MEAN_SQUARED_ERROR -> new MeanSquaredErrorLoss();
      case SOFTMAX_CROSS_ENTROPY -> new SoftmaxCrossEntropyLoss();
      case TOKEN_CROSS_ENTROPY -> new TokenCrossEntropyLoss();
      case OBJECTIVE -> new ObjectiveLoss();
    };
  }

  /** The shape of the target array for {@code rows} examples of {@code targetCols} columns. */
  static Shape shape(int rows, int targetCols, Workload workload) {
    return switch (workload.loss()) {
      case SOFTMAX_CROSS_ENTROPY -> new Shape(rows, classes(workload.model()));
      default -> new Shape(rows, targetCols);
    };
  }

  /**
   * Regression targets and token ids unchanged; class labels as one-hot rows, which is what
   * {@link SoftmaxCrossEntropyLoss} multiplies with.
   */
  static float[] encode(float[] targets, Workload workload) {
    if (workload.loss() != org.optbench.workload.LossKind.SOFTMAX_CROSS_ENTROPY) {
      return targets;
    }
    int classes = classes(workload.model());
    float[] oneHot = new float[targets.length * classes];
    for (int i = 0; i < targets.length; i++) {
      oneHot[i * classes + (int) targets[i]] = 1f;
    }
    return oneHot;
  }

  private static int classes(ModelSpec model) {
    if (model instanceof DenseNetwork dense) {
      return dense.outputs();
    }
    if (model instanceof ConvNet conv) {
      return conv.classes();
    }
    throw new IllegalArgumentException("not a classifier: " + model);
  }
}
