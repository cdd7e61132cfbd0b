package org.optbench.score;

/**
 * Scores on a common scale, so that runs of workloads with different metrics can be pooled.
 */
public final class Normalisation {

  private Normalisation() {}

  /**
   * How far a run got from a starting value towards a target, as a fraction:
   *
   * <pre>
   *   progress = (value − start) / (target − start)
   * </pre>
   *
   * 0 at the start (e.g. the metric at initialisation), 1 at the target, above 1 past it, below 0
   * when the run got worse. The same formula serves both directions, since numerator and
   * denominator change sign together: a loss from 2.3 towards 0.5 that stands at 1.4 is halfway,
   * (1.4 − 2.3)/(0.5 − 2.3) = 0.5. This is rliable's (score − random)/(reference − random) with the
   * start in the role of random play and the target in that of the reference.
   *
   * <p>A NaN value (a diverged run) stays NaN: what it should count as is the caller's choice.
   */
  public static double progress(double value, double start, double target) {
    if (!Double.isFinite(start) || !Double.isFinite(target) || start == target) {
      throw new IllegalArgumentException("start and target must be finite and differ: start "
          + start + ", target " + target);
    }
    return (value - start) / (target - start);
  }
}
