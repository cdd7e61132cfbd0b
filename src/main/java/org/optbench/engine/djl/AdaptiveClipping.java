package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import java.util.List;
import org.optbench.optim.StepContext;

/**
 * Adaptive gradient clipping (Brock et al. 2021, §4.1, eq. 3), per unit i (a slice along
 * dimension 0, as timm's {@code unitwise_norm}; vectors are one unit):
 * Gᵢ ← Gᵢ·λ·max(‖Wᵢ‖, ε)/max(‖Gᵢ‖, 10⁻⁶) when ‖Gᵢ‖ > λ·max(‖Wᵢ‖, ε).
 */
final class AdaptiveClipping implements GradientClipping {

  /** timm clamps the gradient norm from below before dividing. */
  private static final float MIN_GRAD_NORM = 1e-6f;

  private final float clipping;
  /** The threshold as the spec gives it (the float above rounds it). */
  private final double threshold;
  private final float eps;

  AdaptiveClipping(double clipping, double eps) {
    this.clipping = (float) clipping;
    this.threshold = clipping;
    this.eps = (float) eps;
  }

  @Override
  public double apply(List<NDArray> grads, List<NDArray> weights, double norm, StepContext c) {
    double after = 0;
    for (int i = 0; i < grads.size(); i++) {
      NDArray weight = weights.get(i);
      long size = weight.getShape().size();
      long units = weight.getShape().dimension() <= 1 || size == 0 ? 1 : weight.getShape().get(0);
      NDArray g = grads.get(i).reshape(units, size / Math.max(units, 1));
      NDArray w = weight.reshape(units, size / Math.max(units, 1));
      NDArray gNorm = g.square().sum(new int[] {1}, true).sqrt();
      NDArray maxNorm = w.square().sum(new int[] {1}, true).sqrt().maximum(eps).mul(clipping);
      NDArray scale = maxNorm.div(gNorm.maximum(MIN_GRAD_NORM));
      // Units within the bound keep a factor of exactly 1.
      NDArray factor = NDArrays.where(gNorm.gt(maxNorm), scale, scale.onesLike());
      g.muli(factor);
      after += GradientClipping.sumOfSquares(grads.get(i));
    }
    return Math.sqrt(after);
  }

  @Override
  public double threshold() {
    return threshold;
  }
}
