package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Batch mean of −log softmax(logits)[label] with one-hot labels: torch.nn.CrossEntropyLoss. The
 * one-hot product adds exact zeros only, so the value equals picking the label's log-probability.
 */
final class SoftmaxCrossEntropyLoss extends Loss {

  SoftmaxCrossEntropyLoss() {
    super("cross_entropy");
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray logProbabilities = predictions.singletonOrThrow().logSoftmax(1);
    return logProbabilities.mul(labels.singletonOrThrow()).sum(new int[] {1}).neg().mean();
  }
}
