package org.optbench.tune;

/**
 * Validation shared by the dimensions. Messages are short and say what to change, because the
 * spec parser shows them to users next to the line of the search space they came from.
 */
final class Checks {

  /** A range's {@code points} when it is only sampled, never part of a grid. */
  static final int NO_GRID = 0;

  private Checks() {}

  static void name(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a dimension needs a non-blank name");
    }
  }

  static void range(String name, double low, double high) {
    name(name);
    if (!Double.isFinite(low) || !Double.isFinite(high)) {
      throw new IllegalArgumentException(
          "'" + name + "': low and high must be finite numbers (got " + low + ", " + high + ")");
    }
    if (!(low < high)) {
      throw new IllegalArgumentException(
          "'" + name + "': low must be less than high (got " + low + ", " + high + ")");
    }
  }

  static void points(String name, int points) {
    if (points != NO_GRID && points < 2) {
      throw new IllegalArgumentException(
          "'" + name + "': points must be at least 2, or left out when not in a grid (got "
              + points + ")");
    }
  }

  /** The points of a range asked for its grid, which must have been given. */
  static int gridPoints(String name, int points) {
    if (points == NO_GRID) {
      throw new IllegalArgumentException(
          "'" + name + "': give points (at least 2) to use this range in a grid");
    }
    return points;
  }
}
