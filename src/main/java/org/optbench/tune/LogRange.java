package org.optbench.tune;

import java.util.ArrayList;
import java.util.List;

/**
 * A real hyperparameter sampled uniformly in its logarithm, such as a learning rate: each decade
 * between {@code low} and {@code high} is equally likely.
 *
 * @param name the hyperparameter's name
 * @param low the smallest value, above 0
 * @param high the largest value, above {@code low}
 * @param points how many values a grid tries, geometrically spaced from low to high (at least
 *     2), or 0 when the range is only sampled
 */
public record LogRange(String name, double low, double high, int points) implements Dimension {

  public LogRange {
    Checks.range(name, low, high);
    if (!(low > 0)) {
      throw new IllegalArgumentException(
          "'" + name + "': a log range needs low above 0 (got " + low + ")");
    }
    Checks.points(name, points);
  }

  /** A range that is only sampled, not gridded. */
  public LogRange(String name, double low, double high) {
    this(name, low, high, Checks.NO_GRID);
  }

  /**
   * {@code low · exp(u · log(high / low))}: AlgoPerf's formula for its "log" scaling, kept in
   * this form (rather than the equal exp(log low + u·(log high − log low))) so that the doubles
   * match its output.
   *
   * @return a {@link Double}
   */
  @Override
  public Object value(double u) {
    Dimension.checkUnit(u);
    return low * Math.exp(u * Math.log(high / low));
  }

  /** {@code points} geometrically spaced values, exactly low first and exactly high last. */
  @Override
  public List<Object> grid() {
    int n = Checks.gridPoints(name, points);
    List<Object> values = new ArrayList<>(n);
    double logRatio = Math.log(high / low);
    values.add(low);
    for (int k = 1; k < n - 1; k++) {
      values.add(low * Math.exp(logRatio * k / (n - 1)));
    }
    values.add(high);
    return List.copyOf(values);
  }
}
