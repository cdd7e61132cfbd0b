package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * mean((prediction − target)²) over all elements, as torch.nn.MSELoss with reduction "mean".
 * DJL's own L2Loss carries a factor ½, which would halve every gradient and make learning rates
 * incomparable with torch.optim's.
 */
final class MeanSquaredErrorLoss extends Loss {

  MeanSquaredErrorLoss() {
    super("mse");
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    return predictions.singletonOrThrow().sub(labels.singletonOrThrow()).square().mean();
  }
}
