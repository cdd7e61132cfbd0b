package org.optbench.optim.transform;

/**
 * The scalar side of Schedule-Free (Defazio et al. 2024, §2 and the weighting of §3 as
 * optax.contrib.schedule_free computes it): the averaging weight cₜ of the step, from the
 * learning rates so far.
 *
 * <pre>
 *   max_lrₜ = max(max_lrₜ₋₁, lrₜ)      wₜ = max_lrₜ^weight_lr_power      cₜ = wₜ / Σᵢ≤ₜ wᵢ
 * </pre>
 *
 * With a constant lr every wᵢ is equal and cₜ = 1/t, the uniform average of the z iterates; a
 * warm-up gives its early, small-lr iterates less weight (power 2 by default). cₜ is 0 when every
 * weight so far is 0 (optax's {@code nan_to_num} of 0/0). The facebookresearch reference also
 * multiplies wₜ by tʳ (default r = 0); optax has no r, nor has optbench.
 *
 * <p>One instance serves all tensors of a model: the native transform and the engine optimizer
 * both advance it once per step and read the same float32 cₜ, so both engines take bit-identical
 * steps. The learning rate enters as the float32 value the step uses.
 */
public final class ScheduleFreeAverage {

  private final double beta1;
  private final double weightLrPower;
  private int step;
  private double maxLr;
  private double weightSum;
  private float weight;

  /**
   * @param beta1 the interpolation β1 of y = (1 − β1)·z + β1·x
   * @param weightLrPower the power of max_lr in the averaging weight
   */
  public ScheduleFreeAverage(double beta1, double weightLrPower) {
    this.beta1 = beta1;
    this.weightLrPower = weightLrPower;
  }

  /** Steps taken; the next one is {@code step() + 1}. */
  public int step() {
    return step;
  }

  /** Moves to the next step, whose learning rate is {@code lr}, and returns its cₜ. */
  public float advance(float lr) {
    step++;
    maxLr = Math.max(maxLr, lr);
    double w = Math.pow(maxLr, weightLrPower);
    weightSum += w;
    weight = weightSum > 0 ? (float) (w / weightSum) : 0f;
    return weight;
  }

  /** cₜ of the current step. */
  public float weight() {
    return weight;
  }

  /**
   * The coefficient of the direction u in y's update, lrₜ·(β1·(1 − cₜ) − 1): from
   * yₜ₊₁ = (1 − cₜ)·yₜ + cₜ·zₜ + lrₜ·(β1·(1 − cₜ) − 1)·u, the reference's in-place form of
   * xₜ₊₁ = (1 − cₜ)·xₜ + cₜ·zₜ₊₁, zₜ₊₁ = zₜ − lrₜ·u, yₜ₊₁ = (1 − β1)·zₜ₊₁ + β1·xₜ₊₁.
   */
  public float directionCoefficient(float lr) {
    return (float) (lr * (beta1 * (1 - (double) weight) - 1));
  }

  /**
   * The step size the training point y takes along −u, lrₜ·(1 − β1·(1 − cₜ)): lrₜ at the first
   * step (c₁ = 1), falling towards lrₜ·(1 − β1) as cₜ → 0. What optbench records as the step
   * size of a Schedule-Free step.
   */
  public double stepSize(float lr) {
    return -(double) directionCoefficient(lr);
  }

  /**
   * {max_lr, Σw}: with the step count, what the next cₜ depends on; the cross-checks compare and
   * synchronise them, and a saved run keeps them.
   */
  public double[] scalars() {
    return new double[] {maxLr, weightSum};
  }

  /** Puts back what {@link #scalars()} returned. */
  public void restore(double[] values) {
    if (values.length != 2) {
      throw new IllegalArgumentException(
          "Schedule-Free keeps 2 scalars (max_lr, weight sum), got " + values.length);
    }
    maxLr = values[0];
    weightSum = values[1];
  }

  /** Sets the steps taken, for a restored state: the next step is {@code steps + 1}. */
  public void restoreStep(int steps) {
    step = steps;
  }
}
