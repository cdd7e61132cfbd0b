package org.optbench.stats;

/**
 * Mean and sample variance, computed in two passes (the second on deviations from the mean, so
 * that values far from zero with a small spread keep their precision).
 */
final class Moments {

  private Moments() {}

  static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** The unbiased sample variance (divisor n − 1); NaN for fewer than two values. */
  static double variance(double[] values) {
    if (values.length < 2) {
      return Double.NaN;
    }
    double mean = mean(values);
    double ss = 0;
    double s = 0;
    for (double v : values) {
      double d = v - mean;
      ss += d * d;
      s += d;
    }
    // Corrected two-pass formula (Chan, Golub & LeVeque 1983): removes the rounding in the mean.
    return (ss - s * s / values.length) / (values.length - 1);
  }
}
