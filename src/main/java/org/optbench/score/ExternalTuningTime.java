package org.optbench.score;

import java.util.List;
import org.optbench.stats.Median;

/**
 * The time of one optimizer on one workload under AlgoPerf's external-tuning ruleset (Dahl et al.
 * 2023): hyperparameters are tuned by a few trials per study, the study counts its fastest
 * trial, and independent studies are summarised by their median,
 *
 * <pre>
 *   t = median over studies j of ( min over trials i of t[i][j] ),
 * </pre>
 *
 * where a trial that never reaches the target has t = +∞ and takes part in the minimum and the
 * median (AlgoPerf: 5 trials × 3 studies). The minimum rewards a search space in which some point
 * is fast; the median over studies keeps one lucky study from deciding.
 *
 * <p>The median of an odd count is its middle value, so with three studies a workload gets a
 * finite time when at least two studies reached the target. For an even count it is the mean of
 * the two middle values, +∞ if either is +∞ (numpy.median, which AlgoPerf's scoring code
 * calls, does the same).
 *
 * <p>One difference from AlgoPerf's scoring code (scoring/performance_profile.py,
 * get_best_trial_index): it picks, per study, the trial that reached the target at the smallest
 * <em>evaluation index</em> and reports that trial's time there, which is the fastest trial only
 * when all trials evaluate on the same clock. Its rules describe the fastest trial; here the
 * minimum is taken over the times themselves.
 */
public final class ExternalTuningTime {

  private ExternalTuningTime() {}

  /**
   * The median over studies of each study's fastest trial.
   *
   * @param studies {@code studies[j][i]}: the time to target of trial i of study j (+∞ when never
   *     reached); every study needs at least one trial
   */
  public static double of(double[][] studies) {
    if (studies.length == 0) {
      throw new IllegalArgumentException("no studies");
    }
    double[] best = new double[studies.length];
    for (int j = 0; j < studies.length; j++) {
      best[j] = fastest(studies[j]);
    }
    return median(best);
  }

  /** {@link #of(double[][])} from each trial's {@link Reach}, on {@code axis}. */
  public static double of(List<List<Reach>> studies, TimeAxis axis) {
    double[][] times = new double[studies.size()][];
    for (int j = 0; j < times.length; j++) {
      times[j] = studies.get(j).stream().mapToDouble(r -> r.time(axis)).toArray();
    }
    return of(times);
  }

  /** The fastest trial of one study: the minimum time, +∞ when no trial reached the target. */
  public static double fastest(double[] trials) {
    if (trials.length == 0) {
      throw new IllegalArgumentException("a study without trials");
    }
    double min = Double.POSITIVE_INFINITY;
    for (double t : trials) {
      checkTime(t);
      min = Math.min(min, t);
    }
    return min;
  }

  /**
   * The median, with +∞ allowed: the middle value of an odd count, the mean of the two middle
   * values of an even count (+∞ if either is +∞).
   */
  public static double median(double[] times) {
    if (times.length == 0) {
      throw new IllegalArgumentException("the median of no values");
    }
    for (double t : times) {
      checkTime(t);
    }
    // (∞ + x)/2 = ∞ for finite x ≥ 0 and (∞ + ∞)/2 = ∞: no special case is needed.
    return Median.of(times);
  }

  private static void checkTime(double t) {
    if (!(t >= 0)) {
      throw new IllegalArgumentException("a time to target must be ≥ 0 or +∞, got " + t);
    }
  }
}
