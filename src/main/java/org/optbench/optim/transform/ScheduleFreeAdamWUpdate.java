package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;

/**
 * Schedule-Free AdamW (Defazio et al. 2024, Algorithm 1 with Adam's preconditioner) as
 * optax.contrib.schedule_free_adamw computes it: Adam without a first moment, then weight decay
 * at y, then the Schedule-Free step of {@link ScheduleFreeStep}:
 *
 * <pre>
 *   v ← β2·v + (1 − β2)·g²
 *   u = g / (√(v/(1 − β2ᵗ)) + ε) + λ·y
 * </pre>
 *
 * optax's form, which differs from the facebookresearch reference (AdamWScheduleFree): there ε
 * is added to the uncorrected √v and √(1 − β2ᵗ) multiplies the learning rate, so it also enters
 * max_lr and so cₜ, and the weight decay; here the bias correction stays inside the
 * preconditioner, and cₜ depends on the schedule's learning rates alone, as for SGD.
 */
public final class ScheduleFreeAdamWUpdate extends ScheduleFreeStep {

  private final double beta2;
  private final float eps;

  private ScheduleFreeAdamWUpdate(double beta1, double beta2, double eps, double weightDecay,
      double weightLrPower) {
    super(beta1, weightDecay, weightLrPower);
    this.beta2 = beta2;
    this.eps = (float) eps;
  }

  /**
   * @param beta1 y = (1 − β1)·z + β1·x; in (0, 1]
   * @param beta2 decay of the second moment v
   * @param eps added to √v̂
   * @param weightDecay λ, added to the direction as λ·y
   * @param weightLrPower cₜ's weights are max_lr^weightLrPower
   */
  public static GradientTransform scheduleFreeAdamW(double beta1, double beta2, double eps,
      double weightDecay, double weightLrPower) {
    return new ScheduleFreeAdamWUpdate(beta1, beta2, eps, weightDecay, weightLrPower);
  }

  /** v beside z. */
  @Override
  int moments() {
    return 1;
  }

  @Override
  void direction(float[] g, float[] y, ScheduleFreeState s, int tensor, int t) {
    float[] v = s.buffers[1][tensor];
    float b2 = (float) beta2;
    float c2 = (float) (1 - beta2);
    float bc2 = (float) (1 - Math.pow(beta2, t));
    for (int j = 0; j < g.length; j++) {
      float gj = g[j];
      float vj = v[j] * b2 + gj * gj * c2;
      v[j] = vj;
      g[j] = gj / ((float) Math.sqrt(vj / bc2) + eps);
    }
    if (weightDecay != 0) {
      for (int j = 0; j < g.length; j++) {
        g[j] = g[j] + y[j] * weightDecay;
      }
    }
  }
}
