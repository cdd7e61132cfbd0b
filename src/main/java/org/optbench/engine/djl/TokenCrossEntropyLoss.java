package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * Mean over all (sequence, position) pairs of −log softmax(logits)[next token], in nats:
 * torch.nn.CrossEntropyLoss applied to (B·T, V) logits. Labels are token ids (B, T); picking the
 * label's log-probability with gather avoids a (B, T, V) one-hot array per step.
 */
final class TokenCrossEntropyLoss extends Loss {

  TokenCrossEntropyLoss() {
    super("token_cross_entropy");
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray logits = predictions.singletonOrThrow();
    int vocabAxis = logits.getShape().dimension() - 1;
    NDArray ids = labels.singletonOrThrow().toType(DataType.INT64, false).expandDims(vocabAxis);
    return logits.logSoftmax(vocabAxis).gather(ids, vocabAxis).mean().neg();
  }
}
