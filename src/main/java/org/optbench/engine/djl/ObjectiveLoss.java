package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/** The loss of an analytic objective is its value: the block already computes f_t(x). */
final class ObjectiveLoss extends Loss {

  ObjectiveLoss() {
    super("objective");
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    return predictions.singletonOrThrow().sum();
  }
}
