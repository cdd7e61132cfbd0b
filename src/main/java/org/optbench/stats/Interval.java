package org.optbench.stats;

import java.util.Locale;

/**
 * A two-sided confidence interval and how it was computed.
 *
 * @param low lower bound (NaN when the data cannot give one, e.g. a single value)
 * @param high upper bound (NaN likewise)
 * @param level confidence level, e.g. 0.95
 * @param method how the bounds were computed
 */
public record Interval(double low, double high, double level, Method method) {

  /** How an interval was computed; {@link #label} is what reports print. */
  public enum Method {
    STUDENT_T("t"),
    WELCH_T("Welch t"),
    BOOTSTRAP_BCA("BCa bootstrap"),
    BOOTSTRAP_PERCENTILE("percentile bootstrap"),
    NONE("none");

    private final String label;

    Method(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** No interval: too few values. */
  public static Interval none(double level) {
    return new Interval(Double.NaN, Double.NaN, level, Method.NONE);
  }

  /** Whether both bounds are finite numbers. */
  public boolean defined() {
    return Double.isFinite(low) && Double.isFinite(high);
  }

  /** Whether the interval lies entirely above {@code x}. */
  public boolean above(double x) {
    return defined() && low > x;
  }

  /** Whether the interval lies entirely below {@code x}. */
  public boolean below(double x) {
    return defined() && high < x;
  }

  /** Whether the interval lies inside [{@code lo}, {@code hi}]. */
  public boolean inside(double lo, double hi) {
    return defined() && low >= lo && high <= hi;
  }

  /** E.g. {@code [0.112, 0.130] 95% t}. */
  @Override
  public String toString() {
    if (!defined()) {
      return "[no interval]";
    }
    return String.format(Locale.ROOT, "[%s, %s] %d%% %s",
        Format.number(low), Format.number(high), Math.round(level * 100), method.label());
  }
}
