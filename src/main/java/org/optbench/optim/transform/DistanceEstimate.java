package org.optbench.optim.transform;

import org.optbench.optim.ParamTree;

/**
 * The state of the distance-adaptive Adams (D-Adaptation, Prodigy): per-tensor arrays, as
 * {@link ArrayState} keeps them, plus two scalars over the whole model: the estimate d of the
 * distance to the solution, which scales the step, and the weighted numerator r it is estimated
 * from. Both are doubles: one number per model, so float32 storage would save nothing, and the
 * engine keeps the same doubles, so both start every step from the same d.
 */
final class DistanceEstimate extends ArrayState {

  /** The current estimate d (d₀ before the first step). */
  double d;
  /** The weighted numerator r of d's estimate. */
  double numerator;

  DistanceEstimate(float[][][] buffers, double d0) {
    super(buffers);
    this.d = d0;
  }

  /** {@code moments} zero buffers shaped like {@code params}, and d = d₀. */
  static DistanceEstimate zeros(ParamTree params, int moments, double d0) {
    return new DistanceEstimate(ArrayState.zeros(params, moments, 0f), d0);
  }

  /** d, then the numerator r. */
  @Override
  public double[] scalars() {
    return new double[] {d, numerator};
  }

  @Override
  public void setScalars(double[] values) {
    d = values[0];
    numerator = values[1];
  }

  /**
   * Adam's bias correction as both optimizers fold it into the step: √(1 − β2ᵗ)/(1 − β1ᵗ).
   */
  static double biasCorrection(double beta1, double beta2, int t) {
    return Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
  }
}
