package org.optbench.tune;

import java.util.ArrayList;
import java.util.List;

/**
 * A real hyperparameter sampled uniformly between {@code low} and {@code high}, such as a
 * momentum coefficient.
 *
 * @param name the hyperparameter's name
 * @param low the smallest value
 * @param high the largest value, above {@code low}
 * @param points how many values a grid tries, evenly spaced from low to high (at least 2), or 0
 *     when the range is only sampled
 */
public record LinearRange(String name, double low, double high, int points) implements Dimension {

  public LinearRange {
    Checks.range(name, low, high);
    Checks.points(name, points);
  }

  /** A range that is only sampled, not gridded. */
  public LinearRange(String name, double low, double high) {
    this(name, low, high, Checks.NO_GRID);
  }

  /**
   * {@code u · (high − low) + low}, AlgoPerf's "linear" scaling.
   *
   * @return a {@link Double}
   */
  @Override
  public Object value(double u) {
    Dimension.checkUnit(u);
    return u * (high - low) + low;
  }

  /** {@code points} evenly spaced values, exactly low first and exactly high last. */
  @Override
  public List<Object> grid() {
    int n = Checks.gridPoints(name, points);
    List<Object> values = new ArrayList<>(n);
    values.add(low);
    for (int k = 1; k < n - 1; k++) {
      values.add(low + (high - low) * k / (n - 1));
    }
    values.add(high);
    return List.copyOf(values);
  }
}
