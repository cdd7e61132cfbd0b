package org.optbench.stats;

/**
 * A number computed from runs, with what it is: the statistic, its interval, how many values
 * (seeds) it rests on, and whether it compares paired values.
 *
 * @param statistic e.g. "mean", "mean paired difference", "IQM"
 * @param value the point estimate
 * @param interval its confidence interval
 * @param n how many values (seeds, or seed pairs) it rests on
 * @param pairing paired, unpaired, or a single group
 * @param sd the sample standard deviation of the values (or of the paired differences); NaN
 *     where it does not apply
 */
public record Estimate(
    String statistic, double value, Interval interval, int n, Pairing pairing, double sd) {

  /** E.g. {@code mean paired difference -0.0123 [-0.0150, -0.0096] 95% t, n=5, paired}. */
  public String describe() {
    return statistic + " " + Format.number(value) + " " + interval + ", n=" + n
        + (pairing == Pairing.NONE ? "" : ", " + pairing.name().toLowerCase(java.util.Locale.ROOT));
  }
}
