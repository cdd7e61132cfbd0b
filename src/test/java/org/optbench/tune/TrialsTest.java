package org.optbench.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.optbench.tune.DimensionTest.rejected;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The samplers: order of names and trials, reproducibility, and what they reject. */
class TrialsTest {

  private static final SearchSpace SPACE = SearchSpace.of(
      new LogRange("lr", 1e-4, 1e-1, 4),
      new LinearRange("beta1", 0.8, 0.99, 2),
      new IntRange("warmup", 0, 100, 3),
      Choice.of("optimizer", "adam", "sgd"));

  @Test
  void gridVariesTheFirstDimensionSlowest() {
    SearchSpace space = SearchSpace.of(Choice.of("opt", "adam", "sgd"), new LinearRange("m", 0, 1, 3));
    assertEquals(6, Trials.gridSize(space));
    List<Map<String, Object>> grid = Trials.sample(Sampler.GRID, space, 6, 0);
    List<List<Object>> rows = new ArrayList<>();
    for (Map<String, Object> t : grid) {
      assertEquals(List.of("opt", "m"), List.copyOf(t.keySet()));
      rows.add(List.copyOf(t.values()));
    }
    assertEquals(List.of(
        List.of("adam", 0.0), List.of("adam", 0.5), List.of("adam", 1.0),
        List.of("sgd", 0.0), List.of("sgd", 0.5), List.of("sgd", 1.0)), rows);
  }

  @Test
  void gridSizeIsTheProductOfTheGridSizes() {
    // 4 learning rates × 2 betas × 3 warm-ups (0, 50, 100) × 2 optimizers
    assertEquals(48, Trials.gridSize(SPACE));
    assertEquals(48, Trials.sample(Sampler.GRID, SPACE, 48, 0).size());
    // Rounding repeats shrink a grid: 0..1 in 5 points is just 0 and 1.
    assertEquals(2, Trials.gridSize(SearchSpace.of(new IntRange("n", 0, 1, 5))));
  }

  @Test
  void gridWithTheWrongNumberOfTrialsNamesItsSize() {
    rejected(() -> Trials.sample(Sampler.GRID, SPACE, 10, 0), "set trials to 48");
  }

  @Test
  void gridSizeOfARangeWithoutPointsIsRejected() {
    rejected(() -> Trials.gridSize(SearchSpace.of(new LinearRange("m", 0, 1))), "give points");
  }

  @Test
  void tooLargeAGridIsRejected() {
    List<Dimension> dims = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      dims.add(new LinearRange("x" + i, 0, 1, 2));
    }
    rejected(() -> Trials.gridSize(new SearchSpace(dims)), "too large");
  }

  @Test
  void randomDrawsUniformsTrialByTrialThenDimensionByDimension() {
    List<Map<String, Object>> trials = Trials.sample(Sampler.RANDOM, SPACE, 5, 17);
    SplittableRandom r = new SplittableRandom(17);
    for (Map<String, Object> t : trials) {
      assertEquals(List.of("lr", "beta1", "warmup", "optimizer"), List.copyOf(t.keySet()));
      Map<String, Object> expected = new LinkedHashMap<>();
      for (Dimension d : SPACE.dimensions()) {
        expected.put(d.name(), d.value(r.nextDouble()));
      }
      assertEquals(expected, t);
    }
  }

  @Test
  void samplesAreReproducibleAndDependOnTheSeed() {
    for (Sampler s : List.of(Sampler.RANDOM, Sampler.QUASI_RANDOM)) {
      assertEquals(Trials.sample(s, SPACE, 8, 3), Trials.sample(s, SPACE, 8, 3), s.name());
      assertNotEquals(Trials.sample(s, SPACE, 8, 3), Trials.sample(s, SPACE, 8, 4), s.name());
    }
  }

  @Test
  void valuesHaveTheDocumentedTypes() {
    for (Sampler s : Sampler.values()) {
      int n = s == Sampler.GRID ? 48 : 4;
      for (Map<String, Object> t : Trials.sample(s, SPACE, n, 1)) {
        assertEquals(Double.class, t.get("lr").getClass());
        assertEquals(Double.class, t.get("beta1").getClass());
        assertEquals(Long.class, t.get("warmup").getClass());
        assertEquals(String.class, t.get("optimizer").getClass());
      }
    }
  }

  @Test
  void quasiRandomTakesTheHaltonCoordinatesInTheSpacesOrder() {
    double[][] u = Halton.sequence(6, 4, 9);
    List<Map<String, Object>> trials = Trials.sample(Sampler.QUASI_RANDOM, SPACE, 6, 9);
    for (int t = 0; t < 6; t++) {
      for (int d = 0; d < 4; d++) {
        Dimension dim = SPACE.dimensions().get(d);
        assertEquals(dim.value(u[t][d]), trials.get(t).get(dim.name()));
      }
    }
  }

  @Test
  void zeroTrialsIsAnEmptyList() {
    assertEquals(List.of(), Trials.sample(Sampler.RANDOM, SPACE, 0, 1));
    assertEquals(List.of(), Trials.sample(Sampler.QUASI_RANDOM, SPACE, 0, 1));
  }

  @Test
  void invalidArgumentsAreRejected() {
    rejected(() -> Trials.sample(Sampler.RANDOM, SPACE, -1, 0), "at least 0");
    rejected(() -> Trials.sample(Sampler.QUASI_RANDOM, SPACE, 3, -1), "seed");
    rejected(() -> Trials.sample(Sampler.QUASI_RANDOM, SPACE, 3, 1L << 32), "seed");
    rejected(() -> Halton.sequence(-1, 2, 0), "samples");
    rejected(() -> Halton.sequence(3, 0, 0), "dims");
    rejected(() -> Halton.sequence(3, 2, -1, 0), "skip");
  }

  @Test
  void invalidSpacesAreRejected() {
    rejected(() -> new SearchSpace(List.of()), "at least one dimension");
    rejected(() -> SearchSpace.of(), "at least one dimension");
    rejected(() -> SearchSpace.of(new LinearRange("m", 0, 1), Choice.of("m", 1)), "appears twice");
    rejected(() -> SearchSpace.of(new LinearRange("m", 0, 1), null), "null dimension");
  }
}
