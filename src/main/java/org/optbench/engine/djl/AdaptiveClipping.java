package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import java.util.List;
import org.optbench.optim.StepContext;
import org.optbench.spec.Component;

/**
 * Adaptive gradient clipping (Brock et al. 2021, §4.1, eq. 3), per unit i (a slice along
 * dimension 0, as timm's {@code unitwise_norm}; vectors are one unit):
 * Gᵢ ← Gᵢ·λ·max(‖Wᵢ‖, ε)/max(‖Gᵢ‖, 10⁻⁶) when ‖Gᵢ‖ > λ·max(‖Wᵢ‖, ε).
 */
public final class AdaptiveClipping implements GradientClipping {

  /** timm clamps the gradient norm from below before dividing. */
  private static final float MIN_GRAD_NORM = 1e-6f;

  private final float clipping;
  /** The threshold as the spec gives it (the float above rounds it). */
  private final double threshold;
  private final float eps;
  private final ClipScratch scratch = new ClipScratch();

  /** The engine clipping of a resolved agc component. */
  public static GradientClipping create(Component clip) {
    return new AdaptiveClipping(clip.number("clipping"), clip.number("eps"));
  }

  AdaptiveClipping(double clipping, double eps) {
    this.clipping = (float) clipping;
    this.threshold = clipping;
    this.eps = (float) eps;
  }

  @Override
  public void reserve(List<NDArray> weights) {
    scratch.reserve(weights);
  }

  /**
   * The unit norms come from squares in the parameter's scratch (x·x rounds once, as square()
   * does) instead of two weight-sized temporaries; the per-unit factors are unit-sized.
   */
  @Override
  public double apply(List<NDArray> grads, List<NDArray> weights, double norm, StepContext c) {
    double after = 0;
    for (int i = 0; i < grads.size(); i++) {
      NDArray weight = weights.get(i);
      long size = weight.getShape().size();
      long units = weight.getShape().dimension() <= 1 || size == 0 ? 1 : weight.getShape().get(0);
      long rest = size / Math.max(units, 1);
      NDArray g = grads.get(i).reshape(units, rest);
      NDArray w = weight.reshape(units, rest);
      try (NDArray work = scratch.get(i).reshape(units, rest);
          NDArray wNorm = unitNorms(work, w);
          NDArray maxNorm = wNorm.maximum(eps).muli(clipping);
          NDArray gNorm = unitNorms(work, g);
          NDArray flooredGNorm = gNorm.maximum(MIN_GRAD_NORM);
          NDArray scale = maxNorm.div(flooredGNorm);
          NDArray over = gNorm.gt(maxNorm);
          NDArray ones = scale.onesLike();
          // Units within the bound keep a factor of exactly 1.
          NDArray factor = NDArrays.where(over, scale, ones)) {
        g.muli(factor);
      }
      after += GradientClipping.sumOfSquares(grads.get(i));
    }
    return Math.sqrt(after);
  }

  /** ‖xᵢ‖ per unit (row) of x, a (units, 1) array; {@code work}, x's shape, receives x². */
  private NDArray unitNorms(NDArray work, NDArray x) {
    scratch.copy(work, x);
    work.muli(x);
    try (NDArray sums = work.sum(new int[] {1}, true)) {
      return sums.sqrt();
    }
  }

  @Override
  public double threshold() {
    return threshold;
  }
}
