package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.optbench.optim.StepContext;
import org.optbench.spec.Component;

/**
 * optbench's statistical element clipping: per tensor, μ and σ (population) of |g|, and every
 * element clamped into [−τ, τ] with τ = μ + k·σ.
 */
public final class StatClipping implements GradientClipping {

  private final double k;
  private final ClipScratch scratch = new ClipScratch();
  private double largestTau = Double.NaN;

  /** The engine clipping of a resolved stat component. */
  public static GradientClipping create(Component clip) {
    return new StatClipping(clip.number("k"));
  }

  StatClipping(double k) {
    this.k = k;
  }

  @Override
  public void reserve(List<NDArray> weights) {
    scratch.reserve(weights);
  }

  /**
   * |g| in the parameter's scratch as sign(g)·g (exact: a product by ±1 or 0, and a zero's sign
   * cannot move a sum away from zero), instead of abs()'s temporary. The clamp's result stays
   * a temporary (DJL's PyTorch engine has no in-place clamp), written back over the view; unlike
   * value clipping there is no in-range test first, since τ = μ + k·σ is below a large tensor's
   * largest |g| (the case that costs) at every k worth using.
   */
  @Override
  public double apply(List<NDArray> grads, List<NDArray> weights, double norm, StepContext c) {
    double after = 0;
    largestTau = Double.NaN;
    for (int i = 0; i < grads.size(); i++) {
      NDArray grad = grads.get(i);
      long n = grad.getShape().size();
      if (n == 0) {
        continue;
      }
      NDArray magnitudes = scratch.get(i);
      scratch.copy(magnitudes, grad);
      magnitudes.signi().muli(grad);
      double mean;
      try (NDArray sum = magnitudes.sum()) {
        mean = sum.getFloat() / (double) n;
      }
      double squares = GradientClipping.sumOfSquares(grad);
      double std = Math.sqrt(Math.max(0, squares / n - mean * mean));
      float tau = (float) (mean + k * std);
      largestTau = Double.isNaN(largestTau) ? tau : Math.max(largestTau, tau);
      try (NDArray clamped = grad.clip(-tau, tau)) {
        GradientClipping.overwrite(grad, clamped);
      }
      after += GradientClipping.sumOfSquares(grad);
    }
    return Math.sqrt(after);
  }

  @Override
  public double threshold() {
    return largestTau;
  }
}
