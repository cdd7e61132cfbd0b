package org.optbench.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A hyperparameter that takes one of a list of values, each equally likely, such as an
 * optimizer name or a batch size (AlgoPerf's {@code feasible_points}).
 *
 * @param name the hyperparameter's name
 * @param values the values, at least one, none null; a grid tries all of them in this order
 */
public record Choice(String name, List<Object> values) implements Dimension {

  public Choice {
    Checks.name(name);
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException("'" + name + "': give at least one value to choose from");
    }
    // Not contains(null): immutable lists throw on it instead of answering.
    if (values.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("'" + name + "': remove the null value");
    }
    values = List.copyOf(values);
  }

  /** A choice among {@code values}, in this order. */
  public static Choice of(String name, Object... values) {
    return new Choice(name, values == null ? null : new ArrayList<>(Arrays.asList(values)));
  }

  /**
   * {@code values[floor(u · n)]}, AlgoPerf's rule for feasible points: each value owns an equal
   * share of [0, 1). The index is clamped to n − 1 in case rounding of u · n reaches n.
   */
  @Override
  public Object value(double u) {
    Dimension.checkUnit(u);
    int n = values.size();
    return values.get(Math.min((int) Math.floor(u * n), n - 1));
  }

  @Override
  public List<Object> grid() {
    return values;
  }
}
