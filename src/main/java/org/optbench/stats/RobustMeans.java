package org.optbench.stats;

import java.util.Arrays;

/** Means that ignore the tails, for aggregates pooled over many runs. */
public final class RobustMeans {

  private RobustMeans() {}

  /**
   * The interquartile mean: the mean of the values left after cutting ⌊n/4⌋ from each end of the
   * sorted sample (scipy.stats.trim_mean(x, 0.25), which rliable uses for its IQM).
   */
  public static double iqm(double[] values) {
    return trimmedMean(values, 0.25);
  }

  /** The mean after cutting ⌊proportion·n⌋ values from each end of the sorted sample. */
  public static double trimmedMean(double[] values, double proportion) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int cut = (int) (proportion * sorted.length);
    if (cut >= sorted.length - cut) {
      throw new IllegalArgumentException("proportion " + proportion + " leaves no values");
    }
    double sum = 0;
    for (int i = cut; i < sorted.length - cut; i++) {
      sum += sorted[i];
    }
    return sum / (sorted.length - 2 * cut);
  }
}
