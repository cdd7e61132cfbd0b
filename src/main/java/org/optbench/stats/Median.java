package org.optbench.stats;

import java.util.Arrays;

/** The sample median, as numpy.median computes it. */
public final class Median {

  private Median() {}

  /**
   * The middle value of an odd count, the mean of the two middle values of an even count
   * (numpy.median). +∞ sorts last, so a median over times with some never reached is +∞ once the
   * middle reaches them ((∞ + x)/2 = ∞ for finite x).
   *
   * @throws IllegalArgumentException for no values
   */
  public static double of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("the median of no values");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
