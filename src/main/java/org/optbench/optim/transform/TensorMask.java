package org.optbench.optim.transform;

import org.optbench.optim.Tensor;

/**
 * Which tensors a weight decay or a trust ratio applies to: optax's {@code mask} /
 * {@code weight_decay_mask} / {@code trust_ratio_mask} for the one choice specs offer. Large-batch
 * training commonly leaves biases and normalisation scales (tensors of rank ≤ 1) out of both: the
 * TensorFlow LAMB of the BERT recipes and SimCLR's LARS take their layer-adaptation exclusions
 * from the weight-decay list unless told otherwise. A vector's norm says little about a layer's
 * scale, and a zero-initialised bias would sit at the trust ratio's fallback of 1.
 */
public enum TensorMask {
  /** Every tensor: optax's default mask (all true). */
  ALL,
  /** Tensors of rank ≥ 2 only; vectors and scalars are left out. */
  MATRICES;

  /** {@link #MATRICES} when {@code excludeVectors}, else {@link #ALL} (the spec's flag). */
  public static TensorMask excludingVectors(boolean excludeVectors) {
    return excludeVectors ? MATRICES : ALL;
  }

  /** Whether a tensor of this rank is covered. */
  public boolean covers(int rank) {
    return this == ALL || rank >= 2;
  }

  /** Whether {@code tensor} is covered. */
  public boolean covers(Tensor tensor) {
    return covers(tensor.rank());
  }
}
