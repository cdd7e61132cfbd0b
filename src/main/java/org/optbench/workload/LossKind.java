package org.optbench.workload;

/** The training objectives workloads use; each engine implements them with the same formula. */
public enum LossKind {
  /** mean over the batch of (prediction − target)², as torch.nn.MSELoss (no ½ factor). */
  MEAN_SQUARED_ERROR,
  /** mean over the batch of −log softmax(logits)[label], as torch.nn.CrossEntropyLoss. */
  SOFTMAX_CROSS_ENTROPY,
  /**
   * mean over every position of every sequence of −log softmax(logits)[next token], in nats:
   * torch.nn.CrossEntropyLoss on (B·T, V) logits. Bits per token = loss / ln 2, perplexity =
   * e^loss.
   */
  TOKEN_CROSS_ENTROPY,
  /** the analytic objective's value itself. */
  OBJECTIVE;

  /** Whether accuracy (of the class, or of the next token) is a meaningful metric. */
  public boolean classifies() {
    return this == SOFTMAX_CROSS_ENTROPY || this == TOKEN_CROSS_ENTROPY;
  }
}
