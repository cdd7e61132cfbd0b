package org.optbench.claims;

/**
 * A measured value with the range it could take over seeds: {@code value} is the aggregate
 * (e.g. the median over seeds), {@code low..high} the smallest and largest per-run value it
 * summarises. Constants and aggregates with no seed spread have low = value = high. Arithmetic is
 * interval arithmetic, so the band of a difference of medians spans every difference of runs.
 */
record Band(double value, double low, double high) {

  static Band exact(double value) {
    return new Band(value, value, value);
  }

  boolean isNaN() {
    return Double.isNaN(value) || Double.isNaN(low) || Double.isNaN(high);
  }

  Band plus(Band other) {
    return new Band(value + other.value, low + other.low, high + other.high);
  }

  Band minus(Band other) {
    return new Band(value - other.value, low - other.high, high - other.low);
  }

  Band times(Band other) {
    double[] corners = {low * other.low, low * other.high, high * other.low, high * other.high};
    return new Band(value * other.value, min(corners), max(corners));
  }

  Band dividedBy(Band other) {
    if (other.low <= 0 && other.high >= 0) {
      // The divisor's band contains 0: the quotient is unbounded.
      return new Band(value / other.value, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }
    double[] corners = {low / other.low, low / other.high, high / other.low, high / other.high};
    return new Band(value / other.value, min(corners), max(corners));
  }

  Band negated() {
    return new Band(-value, -high, -low);
  }

  private static double min(double[] values) {
    double m = values[0];
    for (double v : values) {
      m = Math.min(m, v);
    }
    return m;
  }

  private static double max(double[] values) {
    double m = values[0];
    for (double v : values) {
      m = Math.max(m, v);
    }
    return m;
  }
}
