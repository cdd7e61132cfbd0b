package org.optbench.workload;

import java.util.List;

/**
 * An engine-free model architecture. Each engine builds its own version of it and loads the
 * initial values computed here, so every engine starts a seed from the same weights.
 */
public sealed interface ModelSpec
    permits DenseNetwork, ConvNet, RecurrentLm, TransformerLm, AnalyticObjective {

  /** Parameter tensors in the order engines create them. */
  List<TensorShape> parameterShapes();

  /** One float array per tensor of {@link #parameterShapes()}, in that order, from the seed. */
  List<float[]> initialValues(long seed);

  /** The shape of one example's input, e.g. [784] for an image or [T] token ids for a sequence. */
  int[] inputShape();

  /** Trainable scalars. */
  default long parameterCount() {
    return parameterShapes().stream().mapToLong(TensorShape::size).sum();
  }

  /**
   * Multiply-adds of a forward pass over one input (an example; a token for a language model),
   * roughly: every weight once. A measure of a step's arithmetic for ordering work, not a FLOP
   * count: activations, normalisation and attention's T² term are left out.
   */
  default long multiplyAddsPerInput() {
    return parameterCount();
  }
}
