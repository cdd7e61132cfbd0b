package org.optbench.report;

import java.util.Arrays;

/**
 * Loss spikes of one run: a step whose training loss jumps far above the run's own recent losses,
 * measured against how much those losses jitter from step to step.
 *
 * <p>The rule works on the logarithm of the loss, {@code y = ln loss}, because minibatch noise is
 * multiplicative: near a loss of 1e-4 a small batch's loss varies by 10× while near 1 it varies by
 * a few percent, and a ratio test alone marks the first as spikes. For each finite, positive loss
 * after the first {@link #WARMUP}:
 *
 * <ul>
 *   <li>the <em>baseline</em> {@code m} is the exponential moving average (weight {@link #EMA}) of
 *       the earlier {@code y};
 *   <li>the <em>noise scale</em> {@code s} is the root of the exponential moving average (weight
 *       {@link #SCALE_EMA}, a plain running mean over the first {@code 1/SCALE_EMA} differences) of
 *       {@code (y_t − y_{t−1})² / 2}: von Neumann's mean square successive difference, which
 *       estimates the step-to-step variance without counting the downward trend of a training
 *       loss as noise (J. von Neumann et al., "The mean square successive difference", Ann. Math.
 *       Statist. 12, 1941);
 *   <li>the step is <em>above</em> when {@code y − m > max(ln FACTOR, SIGMAS · s)}: its loss
 *       is more than {@link #FACTOR}× the (geometric) baseline <em>and</em> more than {@link
 *       #SIGMAS} noise scales above it.
 * </ul>
 *
 * A spike is the first step of each stretch of consecutive steps above, so a diverging tail, which
 * stays above until the loss overflows, is one spike at its onset rather than one per step.
 *
 * <p>The seven noise scales follow the "spike score" of OLMo 2 (Team OLMo, "2 OLMo 2 Furious",
 * arXiv:2501.00656, 2024), which counts values at least seven standard deviations from a rolling
 * average. Departures from it: a one-sided test (a loss drop is no spike), log scale, exponential
 * weights instead of a 1000-step window (the runs here are hundreds of steps), a noise scale from
 * successive differences instead of the window's standard deviation (a falling loss's trend
 * would inflate that), and the {@link #FACTOR}× floor, so that a nearly noise-free loss does not
 * spike on a rise of a few percent.
 *
 * <p>Non-finite losses (a diverged step) and losses ≤ 0 (an exact fit, no logarithm) are skipped:
 * they would poison the averages. Spikes are found on every step of the run, before curves are
 * thinned for display, so that thinning can never hide or move a spike. The stability table counts
 * them; the training-loss chart marks them.
 */
final class LossSpikes {

  /** A spike's loss is above this multiple of the baseline, whatever the noise. */
  static final double FACTOR = 2.0;

  /** ... and above the baseline by this many noise scales (in log loss). */
  static final double SIGMAS = 7.0;

  /** Weight of the newest log loss in the baseline (an average over about 10 steps). */
  static final double EMA = 0.1;

  /** Weight of the newest squared difference in the noise scale (about 20 steps). */
  static final double SCALE_EMA = 0.05;

  /** Finite, positive losses seen before spikes are looked for, while the averages settle. */
  static final int WARMUP = 10;

  private LossSpikes() {}

  /** Indices, into the run's arrays, of the spikes among the first {@code n} losses. */
  static int[] indices(float[] loss, int n) {
    int[] spikes = new int[n];
    int count = 0;
    double baseline = Double.NaN;
    double scaleSquared = 0;
    double previous = Double.NaN;
    int seen = 0;
    boolean above = false;
    for (int i = 0; i < n; i++) {
      double v = loss[i];
      if (!Double.isFinite(v) || v <= 0) {
        continue;
      }
      double y = Math.log(v);
      if (seen >= WARMUP) {
        double rise = y - baseline;
        boolean nowAbove = rise > Math.max(Math.log(FACTOR), SIGMAS * Math.sqrt(scaleSquared));
        if (nowAbove && !above) {
          spikes[count++] = i;
        }
        above = nowAbove;
      }
      if (seen == 0) {
        baseline = y;
      } else {
        double d = y - previous;
        scaleSquared += Math.max(SCALE_EMA, 1.0 / seen) * (d * d / 2 - scaleSquared);
        baseline += EMA * (y - baseline);
      }
      previous = y;
      seen++;
    }
    return Arrays.copyOf(spikes, count);
  }
}
