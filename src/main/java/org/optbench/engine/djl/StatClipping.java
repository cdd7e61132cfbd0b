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
  private double largestTau = Double.NaN;

  StatClipping(double k) {
    this.k = k;
  }

  @Override
  public double apply(List<NDArray> grads, List<NDArray> weights, double norm, StepContext c) {
    double after = 0;
    largestTau = Double.NaN;
    for (NDArray grad : grads) {
      long n = grad.getShape().size();
      if (n == 0) {
        continue;
      }
      double mean = grad.abs().sum().getFloat() / (double) n;
      double squares = GradientClipping.sumOfSquares(grad);
      double std = Math.sqrt(Math.max(0, squares / n - mean * mean));
      float tau = (float) (mean + k * std);
      largestTau = Double.isNaN(largestTau) ? tau : Math.max(largestTau, tau);
      GradientClipping.overwrite(grad, grad.clip(-tau, tau));
      after += GradientClipping.sumOfSquares(grad);
    }
    return Math.sqrt(after);
  }

  @Override
  public double threshold() {
    return largestTau;
  }
}
