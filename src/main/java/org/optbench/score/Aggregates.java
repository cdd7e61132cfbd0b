package org.optbench.score;

import java.util.List;
import org.optbench.stats.Bootstrap;
import org.optbench.stats.Estimate;
import org.optbench.stats.RobustMeans;

/**
 * Aggregates of a per-run normalised score over workloads × seeds (Agarwal et al. 2021, rliable).
 *
 * <p>The interquartile mean pools every run of every workload and averages the middle half
 * (scipy.stats.trim_mean(x, 0.25), {@link RobustMeans#iqm}): less sensitive than the mean to a
 * few runs that diverged or got lucky, and, unlike the median, it uses half the runs rather than
 * one or two. Its interval is the stratified percentile bootstrap with workloads as tasks: each
 * workload's runs are redrawn within that workload, so every resample keeps every workload with
 * its own run count ({@link Bootstrap#stratified}, fixed seed).
 *
 * <p>Scores must be normalised first (see {@link Normalisation}), so that workloads with
 * different metrics and scales can be pooled, and must be finite: a diverged run needs a
 * normalised score chosen by the caller (e.g. 0, no progress), since an infinite value would
 * make the bootstrap's quantiles undefined.
 */
public final class Aggregates {

  /** The statistic's name in an {@link Estimate}. */
  public static final String IQM = "IQM";

  private Aggregates() {}

  /**
   * The IQM of all runs pooled, with its stratified-bootstrap interval.
   *
   * @param perWorkload per workload, the normalised score of each run (seed)
   */
  public static Estimate iqm(List<double[]> perWorkload, double level, int resamples) {
    if (perWorkload.isEmpty()) {
      throw new IllegalArgumentException("no workloads");
    }
    for (int w = 0; w < perWorkload.size(); w++) {
      double[] runs = perWorkload.get(w);
      if (runs.length == 0) {
        throw new IllegalArgumentException("workload " + w + " has no runs");
      }
      for (double v : runs) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("workload " + w + ": normalised scores must be finite, got " + v);
        }
      }
    }
    return Bootstrap.stratified(IQM, perWorkload, Aggregates::pooledIqm, level, resamples);
  }

  /** {@link #iqm(List, double, int)} at 95% with {@link Bootstrap#DEFAULT_RESAMPLES}. */
  public static Estimate iqm(List<double[]> perWorkload) {
    return iqm(perWorkload, 0.95, Bootstrap.DEFAULT_RESAMPLES);
  }

  /** The IQM of all tasks' values together. */
  static double pooledIqm(List<double[]> tasks) {
    int n = tasks.stream().mapToInt(t -> t.length).sum();
    double[] all = new double[n];
    int i = 0;
    for (double[] t : tasks) {
      System.arraycopy(t, 0, all, i, t.length);
      i += t.length;
    }
    return RobustMeans.iqm(all);
  }
}
