package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.optbench.optim.StepContext;

/**
 * optbench's statistical element clipping: per tensor, μ and σ (population) of |g|, and every
 * element clamped into [−τ, τ] with τ = μ + k·σ.
 */
final class StatClipping implements GradientClipping {

  private final double k;
  private final ClipScratch scratch = new ClipScratch();
  private double largestTau = Double.NaN;

  StatClipping(double k) {
    this.k = k;
  }

  @Override
  public void reserve(List<NDArray> weights) {
    scratch.reserve(weights);
  }

  /**
   * |g| in the parameter's scratch as sign(g)·g (exact: a product by ±1 or 0, and a zero's sign
   * cannot move a sum away from zero), instead of abs()'s temporary. A tensor whose largest |g|
   * is within τ is left as it is; otherwise the clamp's result, one temporary (DJL's PyTorch
   * engine has no in-place clamp), is written back over the view.
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
      float largest;
      try (NDArray sum = magnitudes.sum();
          NDArray max = magnitudes.max()) {
        mean = sum.getFloat() / (double) n;
        largest = max.getFloat();
      }
      double squares = GradientClipping.sumOfSquares(grad);
      double std = Math.sqrt(Math.max(0, squares / n - mean * mean));
      float tau = (float) (mean + k * std);
      largestTau = Double.isNaN(largestTau) ? tau : Math.max(largestTau, tau);
      if (!(largest <= tau)) {
        try (NDArray clamped = grad.clip(-tau, tau)) {
          GradientClipping.overwrite(grad, clamped);
        }
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
