package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;

/**
 * Schedule-Free SGD (Defazio et al. 2024, Algorithm 1) as optax.contrib.schedule_free_sgd
 * computes it: u = g + λ·y, z ← z − lrₜ·u, with y and x as {@link ScheduleFreeStep} describes.
 * The same as the facebookresearch reference's SGDScheduleFree with r = 0 (its default); its
 * built-in warm-up is the schedule's job here.
 */
public final class ScheduleFreeSgdUpdate extends ScheduleFreeStep {

  private ScheduleFreeSgdUpdate(double beta1, double weightDecay, double weightLrPower) {
    super(beta1, weightDecay, weightLrPower);
  }

  /**
   * @param beta1 y = (1 − β1)·z + β1·x; in (0, 1]
   * @param weightDecay λ, added to the gradient as λ·y
   * @param weightLrPower cₜ's weights are max_lr^weightLrPower
   */
  public static GradientTransform scheduleFreeSgd(double beta1, double weightDecay,
      double weightLrPower) {
    return new ScheduleFreeSgdUpdate(beta1, weightDecay, weightLrPower);
  }

  /** z alone. */
  @Override
  int moments() {
    return 0;
  }

  @Override
  void direction(float[] g, float[] y, ScheduleFreeState s, int tensor, int t) {
    if (weightDecay == 0) {
      return;
    }
    for (int j = 0; j < g.length; j++) {
      g[j] = g[j] + weightDecay * y[j];
    }
  }
}
