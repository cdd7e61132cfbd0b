package org.optbench.tune;

import java.util.ArrayList;
import java.util.List;

/**
 * An integer hyperparameter, uniform over {@code low..high} inclusive, such as a number of
 * warm-up steps. (AlgoPerf has no integer scale; this follows its choice rule, each integer
 * owning an equal share of [0, 1).)
 *
 * @param name the hyperparameter's name
 * @param low the smallest value
 * @param high the largest value, above {@code low}
 * @param points how many values a grid asks for, evenly spaced from low to high and rounded (at
 *     least 2; fewer remain when rounding repeats a value), or 0 when the range is only sampled
 */
public record IntRange(String name, long low, long high, int points) implements Dimension {

  public IntRange {
    Checks.name(name);
    if (low >= high) {
      throw new IllegalArgumentException(
          "'" + name + "': low must be less than high (got " + low + ", " + high + ")");
    }
    // Keeps high − low + 1 representable, so every value below is computed without overflow.
    if (high - low < 0 || high - low == Long.MAX_VALUE) {
      throw new IllegalArgumentException("'" + name + "': the range is too wide; narrow it");
    }
    Checks.points(name, points);
  }

  /** A range that is only sampled, not gridded. */
  public IntRange(String name, long low, long high) {
    this(name, low, high, Checks.NO_GRID);
  }

  /**
   * {@code floor(low + u · (high − low + 1))}, clamped to high: each of the high − low + 1
   * integers gets an equal share of [0, 1). The clamp only matters when rounding of u · count
   * reaches count for u just below 1. Computed as an offset from low, so exact while the range
   * holds fewer than 2^53 integers.
   *
   * @return a {@link Long}
   */
  @Override
  public Object value(double u) {
    Dimension.checkUnit(u);
    long count = high - low + 1;
    long offset = (long) Math.floor(u * count);
    return low + Math.min(offset, count - 1);
  }

  /**
   * {@code points} evenly spaced values rounded to the nearest integer (halves up), low first and
   * high last, with repeats removed.
   */
  @Override
  public List<Object> grid() {
    int n = Checks.gridPoints(name, points);
    List<Object> values = new ArrayList<>(n);
    double span = (double) (high - low);
    long previous = low;
    values.add(low);
    for (int k = 1; k < n; k++) {
      long v = k == n - 1 ? high : low + Math.round(span * k / (n - 1));
      // The spaced values increase, so a repeat can only be of the previous one.
      if (v != previous) {
        values.add(v);
        previous = v;
      }
    }
    return List.copyOf(values);
  }
}
