package org.optbench.spec;

/**
 * An interval of allowed numbers, open or closed at each end.
 *
 * @param min lower bound ({@code -inf} for none)
 * @param minInclusive whether {@code min} itself is allowed
 * @param max upper bound ({@code +inf} for none)
 * @param maxInclusive whether {@code max} itself is allowed
 */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {

  /** Any finite number. */
  public static final Range ANY =
      new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
  /** Strictly positive: learning rates, eps, norms. */
  public static final Range POSITIVE = new Range(0, false, Double.POSITIVE_INFINITY, false);
  /** Zero or more: momentum, weight decay. */
  public static final Range NON_NEGATIVE = new Range(0, true, Double.POSITIVE_INFINITY, false);
  /** [0, 1): exponential-average coefficients such as Adam's betas. */
  public static final Range UNIT_HALF_OPEN = new Range(0, true, 1, false);
  /** [0, 1]: probabilities, fractions. */
  public static final Range UNIT_CLOSED = new Range(0, true, 1, true);
  /** 1, 2, 3, ... */
  public static final Range AT_LEAST_ONE = new Range(1, true, Double.POSITIVE_INFINITY, false);

  /** Whether {@code value} lies in the interval; NaN never does. */
  public boolean contains(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return false;
    }
    boolean aboveMin = minInclusive ? value >= min : value > min;
    boolean belowMax = maxInclusive ? value <= max : value < max;
    return aboveMin && belowMax;
  }

  /** Interval notation for error messages, e.g. {@code [0, 1)} or {@code > 0}. */
  public String describe() {
    boolean noMin = Double.isInfinite(min);
    boolean noMax = Double.isInfinite(max);
    if (noMin && noMax) {
      return "any finite number";
    }
    if (noMax) {
      return (minInclusive ? ">= " : "> ") + format(min);
    }
    if (noMin) {
      return (maxInclusive ? "<= " : "< ") + format(max);
    }
    return (minInclusive ? "[" : "(") + format(min) + ", " + format(max) + (maxInclusive ? "]" : ")");
  }

  private static String format(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
