package org.optbench.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Draws the hyperparameter settings of a tuning run from a {@link SearchSpace}. */
public final class Trials {

  private Trials() {}

  /**
   * The settings of {@code trials} trials.
   *
   * <p>Every map lists the space's dimensions in the space's order, with a {@link Double} for a
   * log or linear range, a {@link Long} for an integer range and the value itself for a choice.
   * The result depends only on the arguments: the same call gives the same settings on any run
   * and JVM.
   *
   * @param sampler how the trials are chosen
   * @param space the hyperparameters
   * @param trials how many settings, at least 0; for {@link Sampler#GRID} exactly {@link
   *     #gridSize}
   * @param seed the seed of the draws; 0 to 2^32 − 1 for {@link Sampler#QUASI_RANDOM}, ignored by
   *     {@link Sampler#GRID}
   * @return one map per trial
   * @throws IllegalArgumentException if trials or seed is out of range, or a grid is asked of a
   *     range without points
   */
  public static List<Map<String, Object>> sample(
      Sampler sampler, SearchSpace space, int trials, long seed) {
    if (trials < 0) {
      throw new IllegalArgumentException("trials must be at least 0 (got " + trials + ")");
    }
    List<Dimension> dims = space.dimensions();
    List<Map<String, Object>> out = new ArrayList<>(trials);
    switch (sampler) {
      case QUASI_RANDOM -> {
        for (double[] point : Halton.sequence(trials, dims.size(), seed)) {
          out.add(setting(dims, point));
        }
      }
      case RANDOM -> {
        SplittableRandom random = new SplittableRandom(seed);
        for (int t = 0; t < trials; t++) {
          double[] point = new double[dims.size()];
          for (int d = 0; d < point.length; d++) {
            point[d] = random.nextDouble();
          }
          out.add(setting(dims, point));
        }
      }
      case GRID -> {
        int size = gridSize(space);
        if (trials != size) {
          throw new IllegalArgumentException(
              "a grid over this space has " + size + " points; set trials to " + size
                  + " (got " + trials + ")");
        }
        addGrid(dims, 0, new LinkedHashMap<>(), out);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The point index of each of {@link #sample}'s trials: for {@link Sampler#QUASI_RANDOM} the
   * trial's place in the unshuffled Halton sequence ({@link Halton#order}), otherwise its place in
   * the draw. For the two samplers that draw a sequence, the points of a larger budget include
   * those of a smaller one under the same indices, so an index names the same setting whatever the
   * budget.
   */
  public static int[] pointIndices(Sampler sampler, int trials, long seed) {
    if (sampler == Sampler.QUASI_RANDOM) {
      return Halton.order(trials, seed);
    }
    int[] index = new int[trials];
    for (int i = 0; i < trials; i++) {
      index[i] = i;
    }
    return index;
  }

  /**
   * How many settings a {@link Sampler#GRID} search over {@code space} has: the product of the
   * dimensions' grid sizes.
   *
   * @throws IllegalArgumentException if a range has no points, or the grid has more than
   *     Integer.MAX_VALUE settings
   */
  public static int gridSize(SearchSpace space) {
    int size = 1;
    for (Dimension d : space.dimensions()) {
      try {
        size = Math.multiplyExact(size, d.grid().size());
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("the grid is too large; use fewer points", e);
      }
    }
    return size;
  }

  private static Map<String, Object> setting(List<Dimension> dims, double[] point) {
    Map<String, Object> setting = new LinkedHashMap<>();
    for (int d = 0; d < point.length; d++) {
      setting.put(dims.get(d).name(), dims.get(d).value(point[d]));
    }
    return setting;
  }

  /** Appends every completion of {@code prefix}, dimension {@code d} onward, in grid order. */
  private static void addGrid(
      List<Dimension> dims, int d, Map<String, Object> prefix, List<Map<String, Object>> out) {
    if (d == dims.size()) {
      out.add(new LinkedHashMap<>(prefix));
      return;
    }
    Dimension dim = dims.get(d);
    for (Object value : dim.grid()) {
      prefix.put(dim.name(), value);
      addGrid(dims, d + 1, prefix, out);
    }
    prefix.remove(dim.name());
  }
}
