package org.optbench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Bootstrap confidence intervals with a fixed random seed, so that the same data always give the
 * same interval.
 *
 * <ul>
 *   <li>{@link #bca}: the bias-corrected and accelerated interval (Efron 1987) of a statistic of
 *       one sample, with the bias correction and jackknife acceleration defined as in
 *       scipy.stats.bootstrap(method='BCa').
 *   <li>{@link #stratified}: the percentile interval of a statistic of several samples (tasks),
 *       each resampled within itself (rliable's stratified bootstrap, Agarwal et al. 2021).
 * </ul>
 */
public final class Bootstrap {

  /** Resamples drawn unless the caller says otherwise. */
  public static final int DEFAULT_RESAMPLES = 10_000;
  /** The fixed seed of every bootstrap optbench reports. */
  public static final long SEED = 20_261_201L;

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private Bootstrap() {}

  /** The BCa interval of {@code statistic} over {@code sample}. */
  public static Estimate bca(
      String name, double[] sample, ToDoubleFunction<double[]> statistic, double level, int resamples) {
    int n = sample.length;
    double theta = statistic.applyAsDouble(sample);
    if (n < 2) {
      return new Estimate(name, theta, Interval.none(level), n, Pairing.NONE, Double.NaN);
    }
    SplittableRandom random = new SplittableRandom(SEED);
    double[] replicates = new double[resamples];
    double[] resample = new double[n];
    for (int b = 0; b < resamples; b++) {
      for (int i = 0; i < n; i++) {
        resample[i] = sample[random.nextInt(n)];
      }
      replicates[b] = statistic.applyAsDouble(resample);
    }
    // Bias correction: the share of replicates below θ̂, ties counted half.
    int below = 0;
    int atOrBelow = 0;
    for (double r : replicates) {
      below += r < theta ? 1 : 0;
      atOrBelow += r <= theta ? 1 : 0;
    }
    double z0 = STANDARD_NORMAL.inverseCumulativeProbability((below + atOrBelow) / (2.0 * resamples));
    // Acceleration from the jackknife (leave-one-out) values of the statistic.
    double[] jack = new double[n];
    double[] leaveOut = new double[n - 1];
    for (int i = 0; i < n; i++) {
      for (int j = 0, k = 0; j < n; j++) {
        if (j != i) {
          leaveOut[k++] = sample[j];
        }
      }
      jack[i] = statistic.applyAsDouble(leaveOut);
    }
    double jackMean = Moments.mean(jack);
    double num = 0;
    double den = 0;
    for (double v : jack) {
      double d = jackMean - v;
      num += d * d * d;
      den += d * d;
    }
    double a = den == 0 ? 0 : num / (6 * Math.pow(den, 1.5));
    double alpha = (1 - level) / 2;
    double lowP = adjusted(z0, a, STANDARD_NORMAL.inverseCumulativeProbability(alpha));
    double highP = adjusted(z0, a, STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha));
    Arrays.sort(replicates);
    Interval interval;
    if (Double.isFinite(lowP) && Double.isFinite(highP)) {
      interval = new Interval(percentile(replicates, lowP), percentile(replicates, highP), level,
          Interval.Method.BOOTSTRAP_BCA);
    } else {
      // Every replicate equals θ̂ (a degenerate sample): the interval is that point.
      interval = new Interval(theta, theta, level, Interval.Method.BOOTSTRAP_BCA);
    }
    return new Estimate(name, theta, interval, n, Pairing.NONE, Double.NaN);
  }

  /**
   * The percentile interval of {@code statistic} over several tasks' samples, each resampled with
   * replacement within itself.
   *
   * @param tasks one sample per task (e.g. per workload: the runs' normalised scores)
   * @param statistic computed on the tasks' (resampled) samples together
   */
  public static Estimate stratified(
      String name, List<double[]> tasks, ToDoubleFunction<List<double[]>> statistic,
      double level, int resamples) {
    double theta = statistic.applyAsDouble(tasks);
    int n = tasks.stream().mapToInt(t -> t.length).sum();
    SplittableRandom random = new SplittableRandom(SEED);
    double[] replicates = new double[resamples];
    List<double[]> resampled = new ArrayList<>();
    for (double[] task : tasks) {
      resampled.add(new double[task.length]);
    }
    for (int b = 0; b < resamples; b++) {
      for (int t = 0; t < tasks.size(); t++) {
        double[] from = tasks.get(t);
        double[] to = resampled.get(t);
        for (int i = 0; i < from.length; i++) {
          to[i] = from[random.nextInt(from.length)];
        }
      }
      replicates[b] = statistic.applyAsDouble(resampled);
    }
    Arrays.sort(replicates);
    double alpha = (1 - level) / 2;
    Interval interval = new Interval(percentile(replicates, alpha), percentile(replicates, 1 - alpha),
        level, Interval.Method.BOOTSTRAP_PERCENTILE);
    return new Estimate(name, theta, interval, n, Pairing.NONE, Double.NaN);
  }

  /** BCa's adjusted probability Φ(z0 + (z0 + z)/(1 − a(z0 + z))). */
  private static double adjusted(double z0, double a, double z) {
    double num = z0 + z;
    return STANDARD_NORMAL.cumulativeProbability(z0 + num / (1 - a * num));
  }

  /** The p-quantile of sorted values with linear interpolation (numpy's default 'linear'). */
  static double percentile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
