package org.optbench.tune;

import java.util.List;

/**
 * One hyperparameter of a {@link SearchSpace}: a name and the values it can take.
 *
 * <p>Samplers draw a number u in [0, 1) per dimension and trial and ask the dimension for the
 * value at u ({@link #value}); a grid asks for its discrete points instead ({@link #grid}).
 */
public sealed interface Dimension permits LogRange, LinearRange, IntRange, Choice {

  /** The hyperparameter's name, the key of the sampled maps. */
  String name();

  /**
   * The value at {@code u}, monotone in u for ranges.
   *
   * @param u a number in [0, 1)
   * @throws IllegalArgumentException if u is outside [0, 1)
   */
  Object value(double u);

  /**
   * The values a grid search tries, in increasing order for ranges.
   *
   * @throws IllegalArgumentException for a range that was given no number of points
   */
  List<Object> grid();

  /** Rejects a u that a sampler should never produce. */
  static void checkUnit(double u) {
    if (!(u >= 0 && u < 1)) {
      throw new IllegalArgumentException("u must be in [0, 1) (got " + u + ")");
    }
  }
}
