package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * The additive causal mask of a decoder (Vaswani et al. 2017, §3.2.3): position i may attend to
 * positions j ≤ i only. DJL has no helper for it.
 */
final class CausalMask {

  /**
   * Added to every score above the diagonal. Finite, so that 0·mask stays 0 and no NaN can arise,
   * yet so large that exp(score − 1e9 − max) underflows to exactly 0 in float32: a future position
   * gets exactly zero weight, and changing it cannot change an earlier output.
   */
  static final float BLOCKED = -1e9f;

  private CausalMask() {}

  /** A (T, T) float array: 0 where column ≤ row, {@link #BLOCKED} where column > row. */
  static NDArray bias(NDManager manager, int t) {
    NDArray rows = manager.arange(0, t, 1).reshape(t, 1);
    NDArray cols = manager.arange(0, t, 1).reshape(1, t);
    return cols.gt(rows).toType(DataType.FLOAT32, false).mul(BLOCKED);
  }
}
