package org.optbench.workload;

/** The training objectives workloads use; each engine implements them with the same formula. */
public enum LossKind {
  /** mean over the batch of (prediction − target)², as torch.nn.MSELoss (no ½ factor). */
  MEAN_SQUARED_ERROR,
  /** mean over the batch of −log softmax(logits)[label], as torch.nn.CrossEntropyLoss. */
  SOFTMAX_CROSS_ENTROPY;

  /** Whether accuracy is a meaningful metric for this loss. */
  public boolean classifies() {
    return this == SOFTMAX_CROSS_ENTROPY;
  }
}
