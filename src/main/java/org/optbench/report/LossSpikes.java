package org.optbench.report;

import java.util.Arrays;

/**
 * Loss spikes of one run: steps after the first {@link #WARMUP} whose training loss exceeds {@link
 * #FACTOR}× the exponential moving average (weight {@link #EMA}) of the finite losses before it.
 * Found on every step of the run, before curves are thinned for display, so that thinning can
 * never hide or move a spike. The stability table counts them; the training-loss chart marks them.
 */
final class LossSpikes {

  /** A spike: loss above this multiple of the moving average of the losses before it. */
  static final double FACTOR = 2.0;

  /** Weight of the newest loss in that moving average (an EMA over about 10 steps). */
  static final double EMA = 0.1;

  /** Finite losses seen before spikes are looked for, while the average settles. */
  static final int WARMUP = 10;

  private LossSpikes() {}

  /** Indices, into the run's arrays, of the spikes among the first {@code n} losses. */
  static int[] indices(float[] loss, int n) {
    int[] spikes = new int[n];
    int count = 0;
    double ema = Double.NaN;
    int seen = 0;
    for (int i = 0; i < n; i++) {
      double v = loss[i];
      if (!Double.isFinite(v)) {
        continue; // a diverged step says nothing about spikes, and would poison the average
      }
      if (seen >= WARMUP && v > FACTOR * ema) {
        spikes[count++] = i;
      }
      ema = Double.isNaN(ema) ? v : (1 - EMA) * ema + EMA * v;
      seen++;
    }
    return Arrays.copyOf(spikes, count);
  }
}
