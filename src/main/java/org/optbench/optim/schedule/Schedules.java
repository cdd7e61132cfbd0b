package org.optbench.optim.schedule;

/**
 * The schedules of the catalogue. Step t is 1-based and is the step the rate is used for, so a
 * warm-up of w steps uses lr·1/w at step 1 and reaches lr at step w.
 */
public final class Schedules {

  private Schedules() {}

  /** The optimizer's lr at every step. */
  public static Schedule constant() {
    return t -> 1.0;
  }

  /**
   * torch.optim.lr_scheduler.StepLR: {@code γ^⌊(t − 1)/step_size⌋} (torch counts from 0 at the
   * first step).
   */
  public static Schedule step(int stepSize, double gamma) {
    positive(stepSize, "step_size");
    return t -> Math.pow(gamma, (t - 1) / stepSize);
  }

  /** torch.optim.lr_scheduler.ExponentialLR: {@code γ^(t − 1)}. */
  public static Schedule exponential(double gamma) {
    return t -> Math.pow(gamma, t - 1);
  }

  /**
   * Vaswani et al. 2017 §5.3 (fairseq {@code inverse_sqrt}), normalised to peak 1:
   * {@code t/w} during warm-up, {@code √(w/t)} after.
   */
  public static Schedule inverseSqrt(int warmupSteps) {
    positive(warmupSteps, "warmup_steps");
    return t -> t <= warmupSteps ? (double) t / warmupSteps : Math.sqrt((double) warmupSteps / t);
  }

  /** Kingma &amp; Ba 2015 §6.1: {@code αₜ = α/√t}. */
  public static Schedule sqrtDecay() {
    return t -> 1 / Math.sqrt(t);
  }

  /**
   * Linear warm-up to 1 over w steps, then linear decay to {@code finalFactor} at step T, flat
   * after (transformers {@code get_linear_schedule_with_warmup} with a floor).
   */
  public static Schedule warmupLinear(int warmupSteps, int totalSteps, double finalFactor) {
    positive(warmupSteps, "warmup_steps");
    requireOrder(warmupSteps, totalSteps);
    return t -> {
      if (t <= warmupSteps) {
        return (double) t / warmupSteps;
      }
      double progress = Math.min(1, (double) (t - warmupSteps) / (totalSteps - warmupSteps));
      return finalFactor + (1 - finalFactor) * (1 - progress);
    };
  }

  /**
   * Linear warm-up to 1 over w steps, then half a cosine from 1 down to {@code finalFactor} at
   * step T, flat after (Loshchilov &amp; Hutter 2017; GPT-3 decays to 10% — Brown et al. 2020 App. B).
   */
  public static Schedule warmupCosine(int warmupSteps, int totalSteps, double finalFactor) {
    positive(warmupSteps, "warmup_steps");
    requireOrder(warmupSteps, totalSteps);
    return t -> {
      if (t <= warmupSteps) {
        return (double) t / warmupSteps;
      }
      double progress = Math.min(1, (double) (t - warmupSteps) / (totalSteps - warmupSteps));
      return finalFactor + (1 - finalFactor) * 0.5 * (1 + Math.cos(Math.PI * progress));
    };
  }

  private static void positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }

  private static void requireOrder(int warmupSteps, int totalSteps) {
    if (totalSteps <= warmupSteps) {
      throw new IllegalArgumentException("total_steps (" + totalSteps
          + ") must exceed warmup_steps (" + warmupSteps + ")");
    }
  }
}
