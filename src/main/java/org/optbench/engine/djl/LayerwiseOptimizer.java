package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.optbench.optim.transform.TrustRatio;

/**
 * What the layer-wise optimizers (LAMB, LARS) share: the trust ratio of one parameter, from
 * norms accumulated in float64 like the native library's (a float32 reduction would round in
 * another order than the native sum, and the ratio scales the whole step), and one float32 and
 * one float64 scratch array for all parameters ({@link SharedScratch}) to compute it without
 * temporaries. {@link #apply}
 * runs once per parameter, so the per-tensor ratio needs no view of the others.
 */
abstract class LayerwiseOptimizer extends TorchOptimizer {

  private SharedScratch shared;

  LayerwiseOptimizer(Builder<?> builder) {
    super(builder);
  }

  /** A float32 array (weight-shaped, contents undefined) and the float64 one of the norms. */
  @Override
  protected final int scratchArrays() {
    return 2;
  }

  @Override
  protected final NDArray[] scratchFor(String parameterId, NDArray weight, NDManager manager) {
    if (shared == null) {
      shared = new SharedScratch(manager);
    }
    return shared.of(parameterId, weight);
  }

  /**
   * {@link TrustRatio#of} for {@code weight} and its update direction. {@code wide}, a float64
   * array of the weight's shape, is overwritten: the copy widens exactly and a float32 square
   * is exact in float64, so the only rounding is the float64 sum's.
   */
  static float trustRatio(NDArray weight, NDArray update, NDArray wide, double coefficient,
      double eps) {
    return TrustRatio.of(norm(weight, wide), norm(update, wide), coefficient, eps);
  }

  private static double norm(NDArray x, NDArray wide) {
    InPlaceCopy.into(wide, x);
    wide.muli(wide);
    try (NDArray sum = wide.sum()) {
      return Math.sqrt(sum.getDouble());
    }
  }
}
