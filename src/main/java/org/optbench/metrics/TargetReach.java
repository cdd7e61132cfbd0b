package org.optbench.metrics;

import java.util.List;

/**
 * Steps and seconds to target: how soon a run gets most of the way down its cell's loss curve.
 * The one definition the report's convergence table and {@code compare} use.
 *
 * <ol>
 *   <li><b>Smoothing.</b> Minibatch losses are noisy, so the training loss ℓ is smoothed by a
 *       bias-corrected exponential moving average with β = 0.9 (Adam's first moment, Kingma &amp;
 *       Ba 2015, Algorithm 1): {@code m_t = β·m_(t−1) + (1 − β)·ℓ_t}, {@code m_0 = 0}, smoothed
 *       loss {@code m_t / (1 − β^t)}. The first smoothed value is the first loss itself.
 *   <li><b>Target of a cell</b>, from reference runs of that cell (the report: the cell's own
 *       seeds; {@code compare}: the baseline's seeds): {@code target = L_final + 0.25·(L_first −
 *       L_final)}, where L_first and L_final are the <em>means</em> over the reference runs of
 *       their first and last smoothed loss — three quarters of the mean decrease. Means, as
 *       everywhere optbench summarises seeds ({@link org.optbench.stats}). Runs that diverged
 *       are no reference, nor is a curve whose first or last smoothed loss is not finite.
 *   <li><b>A run's steps to target</b>: the first step whose smoothed loss is at or below the
 *       target; its <b>seconds to target</b>: the run's training wall time at that step ({@code
 *       wall_ms} of steps.csv, cumulative, evaluation and warm-up excluded). A run that never
 *       gets there has neither ({@link Reach#NEVER}).
 * </ol>
 */
public final class TargetReach {

  /** Weight of the past in the moving average: about the last 10 steps count. */
  public static final double BETA = 0.9;

  /** The part of the decrease left at the target. */
  public static final double REMAINING = 0.25;

  /**
   * One run's training loss over its steps.
   *
   * @param steps step numbers, ascending
   * @param loss the training loss at each step
   * @param wallMs cumulative training wall time at each step, in milliseconds
   * @param size how many entries of the arrays are the run's (the arrays may be longer)
   */
  public record Curve(int[] steps, float[] loss, float[] wallMs, int size) {}

  /**
   * When a run reached the target.
   *
   * @param step the step number, or -1 when never
   * @param seconds training wall time at that step, NaN when never
   */
  public record Reach(int step, double seconds) {

    /** The target was never reached (or there was none). */
    public static final Reach NEVER = new Reach(-1, Double.NaN);

    public boolean reached() {
      return step >= 0;
    }
  }

  private TargetReach() {}

  /** The bias-corrected moving average of {@code loss[0, size)}. */
  public static double[] smoothed(float[] loss, int size) {
    double[] out = new double[size];
    double m = 0;
    double correction = 1;
    for (int t = 0; t < size; t++) {
      m = BETA * m + (1 - BETA) * loss[t];
      correction *= BETA;
      out[t] = m / (1 - correction);
    }
    return out;
  }

  /**
   * The target of a cell from the curves of its reference runs that did not diverge; NaN when no
   * curve has a finite first and last smoothed loss.
   */
  public static double target(List<Curve> reference) {
    double first = 0;
    double last = 0;
    int n = 0;
    for (Curve curve : reference) {
      double[] s = smoothed(curve.loss(), curve.size());
      if (s.length > 0 && Double.isFinite(s[0]) && Double.isFinite(s[s.length - 1])) {
        first += s[0];
        last += s[s.length - 1];
        n++;
      }
    }
    if (n == 0) {
      return Double.NaN;
    }
    double meanFirst = first / n;
    double meanLast = last / n;
    return meanLast + REMAINING * (meanFirst - meanLast);
  }

  /** When {@code run} first reached {@code target}; {@link Reach#NEVER} for a NaN target. */
  public static Reach reach(Curve run, double target) {
    if (!Double.isFinite(target)) {
      return Reach.NEVER;
    }
    double[] s = smoothed(run.loss(), run.size());
    for (int i = 0; i < s.length; i++) {
      if (s[i] <= target) {
        return new Reach(run.steps()[i], run.wallMs()[i] / 1000.0);
      }
    }
    return Reach.NEVER;
  }
}
