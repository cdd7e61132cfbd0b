package org.optbench.stats;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Summaries over seeds and comparisons of two cells, with Student-t intervals.
 *
 * <pre>{@code
 * Estimate adam = SeedStatistics.mean(new double[] {0.31, 0.29, 0.30}, 0.95);
 * Estimate gap = SeedStatistics.pairedDifference(adamLoss, sgdLoss, 0.95); // adam − sgd per seed
 * if (gap.interval().below(0)) { ... Adam is lower, at 95% confidence ... }
 * }</pre>
 */
public final class SeedStatistics {

  /**
   * Critical values already computed, by degrees of freedom and level. A report asks for the
   * interval of every step of every curve (10<sup>6</sup> means for a large grid) with a handful of
   * distinct seed counts, and the inverse t distribution costs microseconds per call. Only whole
   * degrees of freedom (n − 1) are kept; Welch's are data-dependent and computed each time.
   */
  private static final Map<Critical, Double> CRITICAL = new ConcurrentHashMap<>();

  private record Critical(double df, double level) {}

  private SeedStatistics() {}

  /**
   * The mean of {@code values} with the Student-t interval {@code mean ± t(1−α/2, n−1)·s/√n}.
   * Non-finite values (diverged runs) must be removed by the caller, who knows what they mean.
   */
  public static Estimate mean(double[] values, double level) {
    return meanOf("mean", values, level, Pairing.NONE);
  }

  /**
   * The mean of the per-seed differences {@code a[i] − b[i]} with its Student-t interval: the
   * paired t-interval (as scipy.stats.ttest_rel's confidence_interval).
   *
   * @param a one value per seed of the first cell
   * @param b the second cell's values for the same seeds, in the same order
   */
  public static Estimate pairedDifference(double[] a, double[] b, double level) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("paired samples need equal lengths: " + a.length + " vs " + b.length);
    }
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] - b[i];
    }
    return meanOf("mean paired difference", d, level, Pairing.PAIRED);
  }

  /**
   * The difference of means {@code mean(a) − mean(b)} of two independent samples with Welch's
   * interval (unequal variances, Welch–Satterthwaite degrees of freedom; as
   * scipy.stats.ttest_ind(equal_var=False)'s confidence_interval).
   */
  public static Estimate welchDifference(double[] a, double[] b, double level) {
    int na = a.length;
    int nb = b.length;
    double diff = Moments.mean(a) - Moments.mean(b);
    if (na < 2 || nb < 2) {
      return new Estimate("difference of means", diff, Interval.none(level), Math.min(na, nb),
          Pairing.UNPAIRED, Double.NaN);
    }
    double va = Moments.variance(a) / na;
    double vb = Moments.variance(b) / nb;
    double se = Math.sqrt(va + vb);
    Interval interval;
    if (se == 0) {
      interval = new Interval(diff, diff, level, Interval.Method.WELCH_T);
    } else {
      double df = (va + vb) * (va + vb) / (va * va / (na - 1) + vb * vb / (nb - 1));
      double t = quantile(df, level);
      interval = new Interval(diff - t * se, diff + t * se, level, Interval.Method.WELCH_T);
    }
    return new Estimate("difference of means", diff, interval, Math.min(na, nb), Pairing.UNPAIRED, se);
  }

  /**
   * Roughly how many seeds would make the {@code level} t-interval of a mean exclude zero if the
   * observed mean and standard deviation held: the smallest n ≥ 2 with
   * {@code t(1−α/2, n−1)·sd/√n < |mean|}; {@code Integer.MAX_VALUE} when the mean is 0 or the
   * answer exceeds {@code limit}. Said with "roughly": the observed spread is itself uncertain.
   */
  public static int seedsToDecide(double mean, double sd, double level, int limit) {
    if (sd == 0 && mean != 0) {
      return 2;
    }
    if (mean == 0 || !Double.isFinite(mean) || !Double.isFinite(sd)) {
      return Integer.MAX_VALUE;
    }
    for (int n = 2; n <= limit; n++) {
      if (quantile(n - 1, level) * sd / Math.sqrt(n) < Math.abs(mean)) {
        return n;
      }
    }
    return Integer.MAX_VALUE;
  }

  /**
   * Like {@link #seedsToDecide}, for an equivalence test: the smallest n whose
   * {@code level} interval {@code mean ± t·sd/√n} fits inside ±margin; {@code Integer.MAX_VALUE}
   * when |mean| ≥ margin (more seeds would not bring it inside) or past {@code limit}.
   */
  public static int seedsToShowEquivalence(
      double mean, double sd, double margin, double level, int limit) {
    if (Math.abs(mean) >= margin || !Double.isFinite(sd)) {
      return Integer.MAX_VALUE;
    }
    for (int n = 2; n <= limit; n++) {
      if (Math.abs(mean) + quantile(n - 1, level) * sd / Math.sqrt(n) <= margin) {
        return n;
      }
    }
    return Integer.MAX_VALUE;
  }

  private static Estimate meanOf(String statistic, double[] values, double level, Pairing pairing) {
    int n = values.length;
    if (n == 0) {
      return new Estimate(statistic, Double.NaN, Interval.none(level), 0, pairing, Double.NaN);
    }
    double mean = Moments.mean(values);
    if (n == 1) {
      return new Estimate(statistic, mean, Interval.none(level), 1, pairing, Double.NaN);
    }
    double sd = Math.sqrt(Moments.variance(values));
    double half = quantile(n - 1, level) * sd / Math.sqrt(n);
    return new Estimate(statistic, mean,
        new Interval(mean - half, mean + half, level, Interval.Method.STUDENT_T), n, pairing, sd);
  }

  /** The two-sided critical value t(1 − (1 − level)/2, df). */
  static double quantile(double df, double level) {
    if (df != Math.rint(df)) {
      return tQuantile(df, level);
    }
    return CRITICAL.computeIfAbsent(new Critical(df, level), k -> tQuantile(k.df(), k.level()));
  }

  private static double tQuantile(double df, double level) {
    return TDistribution.of(df).inverseCumulativeProbability(0.5 + level / 2);
  }

  /** Values with non-finite entries left out. */
  public static double[] finite(double[] values) {
    return Arrays.stream(values).filter(Double::isFinite).toArray();
  }
}
