package org.optbench.score;

/**
 * The first evaluation of a run that reached its target, or {@link #NEVER}.
 *
 * @param step the step number of that evaluation; −1 when never reached
 * @param seconds the cumulative training seconds at that evaluation; +∞ when never reached
 */
public record Reach(int step, double seconds) {

  /**
   * The target was not reached by any evaluation. Its time is +∞ on both axes, so that minima,
   * medians and performance-profile ratios treat it as "slower than anything" without a special
   * case.
   */
  public static final Reach NEVER = new Reach(-1, Double.POSITIVE_INFINITY);

  public Reach {
    if (step < 0 && step != -1) {
      throw new IllegalArgumentException("a step must be ≥ 0 (or −1 for never), got " + step);
    }
    if (step == -1 && seconds != Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("a run that never reached its target has time +∞, got " + seconds);
    }
    if (step >= 0 && !(seconds >= 0 && seconds < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("seconds must be finite and ≥ 0, got " + seconds);
    }
  }

  /** Whether the target was reached. */
  public boolean reached() {
    return step >= 0;
  }

  /** The step as a number: +∞ when never reached. */
  public double steps() {
    return reached() ? step : Double.POSITIVE_INFINITY;
  }

  /** The time to target on {@code axis}: {@link #steps()} or {@link #seconds()}. */
  public double time(TimeAxis axis) {
    return axis == TimeAxis.STEPS ? steps() : seconds;
  }
}
