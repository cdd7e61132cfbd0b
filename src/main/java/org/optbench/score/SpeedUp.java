package org.optbench.score;

import java.util.Locale;
import org.optbench.stats.Format;

/**
 * The speed-up of an optimizer over a baseline: the geometric mean over workloads of
 * t_baseline / t_optimizer (AlgoPerf's "alternative score", Dahl et al. 2023), so that 2 means
 * "twice as fast" and being 2× faster on one workload and 2× slower on another nets out to 1.
 *
 * <p>Only workloads on which both reached the target enter the mean: a ratio with +∞ in it says
 * "infinitely faster" or "infinitely slower", which no mean can absorb. The workloads left out are
 * counted by cause, and a report must show them next to the mean — a speed-up over two of eight
 * workloads is not a speed-up over the benchmark. (AlgoPerf's scoring script compute_speedups.py
 * instead replaces +∞ by the workload's time budget plus one second; that needs a budget, which
 * this math does not know.)
 *
 * @param geometricMean (Π_w t_b/t_s)^(1/n) over the n workloads where both reached the target;
 *     NaN when there are none
 * @param workloads how many workloads were given
 * @param used how many entered the mean
 * @param neverByOptimizer left out: only the optimizer never reached the target
 * @param neverByBaseline left out: only the baseline never reached it
 * @param neverByBoth left out: neither reached it
 */
public record SpeedUp(
    double geometricMean, int workloads, int used,
    int neverByOptimizer, int neverByBaseline, int neverByBoth) {

  /**
   * The speed-up of {@code optimizer} over {@code baseline}.
   *
   * @param baseline the baseline's time to target on each workload: finite and &gt; 0, or +∞
   * @param optimizer the optimizer's, on the same workloads in the same order
   */
  public static SpeedUp of(double[] baseline, double[] optimizer) {
    if (baseline.length != optimizer.length) {
      throw new IllegalArgumentException("one time per workload for both: " + baseline.length
          + " vs " + optimizer.length);
    }
    double logSum = 0;
    int used = 0;
    int onlyOptimizer = 0;
    int onlyBaseline = 0;
    int both = 0;
    for (int w = 0; w < baseline.length; w++) {
      check(baseline[w], "baseline", w);
      check(optimizer[w], "optimizer", w);
      boolean b = baseline[w] < Double.POSITIVE_INFINITY;
      boolean s = optimizer[w] < Double.POSITIVE_INFINITY;
      if (b && s) {
        // Sum of logs rather than a product: a few dozen ratios could overflow or underflow.
        logSum += Math.log(baseline[w]) - Math.log(optimizer[w]);
        used++;
      } else if (b) {
        onlyOptimizer++;
      } else if (s) {
        onlyBaseline++;
      } else {
        both++;
      }
    }
    double mean = used == 0 ? Double.NaN : Math.exp(logSum / used);
    return new SpeedUp(mean, baseline.length, used, onlyOptimizer, onlyBaseline, both);
  }

  /** How many workloads were left out. */
  public int excluded() {
    return workloads - used;
  }

  /** E.g. {@code 1.414× over 2 of 4 workloads (never reached: 1 by the optimizer, 1 by both)}. */
  public String describe() {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s× over %d of %d workloads",
        Format.number(geometricMean), used, workloads));
    if (excluded() > 0) {
      StringBuilder why = new StringBuilder();
      append(why, neverByOptimizer, "by the optimizer");
      append(why, neverByBaseline, "by the baseline");
      append(why, neverByBoth, "by both");
      s.append(" (never reached: ").append(why).append(')');
    }
    return s.toString();
  }

  private static void append(StringBuilder why, int count, String who) {
    if (count > 0) {
      why.append(why.length() == 0 ? "" : ", ").append(count).append(' ').append(who);
    }
  }

  private static void check(double t, String who, int w) {
    // A time of 0 means the target was met before training: it has no finite ratio.
    if (!(t > 0)) {
      throw new IllegalArgumentException(who + " on workload " + w
          + ": a time to target must be > 0 or +∞ for a speed-up, got " + t);
    }
  }
}
