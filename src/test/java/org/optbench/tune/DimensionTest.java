package org.optbench.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Each dimension's map from u ∈ [0, 1) to a value, its grid, and what it rejects. */
class DimensionTest {

  @Test
  void logRangeSpreadsDecadesEvenly() {
    LogRange lr = new LogRange("lr", 1e-4, 1e-1);
    assertEquals(1e-4, (Double) lr.value(0.0), 0.0);
    assertEquals(1e-3, (Double) lr.value(1.0 / 3), 1e-3 * 1e-12);
    assertEquals(1e-2, (Double) lr.value(2.0 / 3), 1e-2 * 1e-12);
    assertEquals(Math.sqrt(1e-4 * 1e-1), (Double) lr.value(0.5), 1e-12);
  }

  @Test
  void linearRangeIsAffine() {
    LinearRange m = new LinearRange("momentum", 0.0, 10.0);
    assertEquals(0.0, m.value(0.0));
    assertEquals(2.5, m.value(0.25));
    assertEquals(-1.0, new LinearRange("x", -2.0, 2.0).value(0.25));
  }

  @Test
  void intRangeGivesEachIntegerAnEqualShare() {
    IntRange r = new IntRange("warmup", 1, 3);
    assertEquals(1L, r.value(0.0));
    assertEquals(1L, r.value(0.33));
    assertEquals(2L, r.value(0.34));
    assertEquals(2L, r.value(0.66));
    assertEquals(3L, r.value(0.67));
    assertEquals(3L, r.value(Math.nextDown(1.0)));
    assertEquals(-5L, new IntRange("shift", -5, 4).value(0.05));
  }

  @Test
  void choiceSplitsTheUnitIntervalIntoEqualParts() {
    Choice c = Choice.of("opt", "adam", "nadam", "sgd");
    assertEquals("adam", c.value(0.0));
    assertEquals("adam", c.value(0.33));
    assertEquals("nadam", c.value(0.5));
    assertEquals("sgd", c.value(0.9));
    assertEquals("sgd", c.value(Math.nextDown(1.0)));
    assertEquals(64, Choice.of("batch", 32, 64).value(0.75));
  }

  @Test
  void logGridIsGeometricWithExactEndpoints() {
    List<Object> g = new LogRange("lr", 1e-3, 1e-1, 3).grid();
    assertEquals(3, g.size());
    assertEquals(1e-3, g.get(0));
    assertEquals(1e-2, (Double) g.get(1), 1e-2 * 1e-12);
    assertEquals(1e-1, g.get(2));
  }

  @Test
  void linearGridIsEvenlySpacedWithExactEndpoints() {
    assertEquals(List.of(0.0, 0.25, 0.5, 0.75, 1.0), new LinearRange("x", 0, 1, 5).grid());
    assertEquals(List.of(0.1, 0.3), new LinearRange("x", 0.1, 0.3, 2).grid());
  }

  @Test
  void intGridRoundsHalvesUpAndDropsRepeats() {
    // 1, 2.5, 4 rounded
    assertEquals(List.of(1L, 3L, 4L), new IntRange("n", 1, 4, 3).grid());
    // 1, 1.25, 1.5, 1.75, 2 rounded: 1, 1, 2, 2, 2
    assertEquals(List.of(1L, 2L), new IntRange("n", 1, 2, 5).grid());
    assertEquals(List.of(0L, 5L, 10L), new IntRange("n", 0, 10, 3).grid());
  }

  @Test
  void choiceGridIsItsValuesInOrder() {
    assertEquals(List.of("b", "a"), Choice.of("c", "b", "a").grid());
  }

  @Test
  void invalidDimensionsAreRejected() {
    rejected(() -> new LogRange("lr", 0.0, 1.0), "above 0");
    rejected(() -> new LogRange("lr", -1.0, 1.0), "above 0");
    rejected(() -> new LogRange("lr", 0.1, 0.01), "less than high");
    rejected(() -> new LogRange("lr", 0.1, 0.1), "less than high");
    rejected(() -> new LogRange("lr", 0.1, Double.POSITIVE_INFINITY), "finite");
    rejected(() -> new LinearRange("m", Double.NaN, 1.0), "finite");
    rejected(() -> new LinearRange("m", 1.0, 0.0), "less than high");
    rejected(() -> new IntRange("n", 3, 3), "less than high");
    rejected(() -> new IntRange("n", 4, 3), "less than high");
    rejected(() -> new IntRange("n", Long.MIN_VALUE, Long.MAX_VALUE), "too wide");
    rejected(() -> new LinearRange(" ", 0, 1), "name");
    rejected(() -> new LogRange(null, 1e-3, 1e-1), "name");
    rejected(() -> new Choice("opt", List.of()), "at least one value");
    rejected(() -> new Choice("opt", null), "at least one value");
    rejected(() -> new Choice("opt", new ArrayList<>(Arrays.asList("adam", null))), "null");
    rejected(() -> Choice.of("", "adam"), "name");
    rejected(() -> new LinearRange("m", 0, 1, 1), "at least 2");
    rejected(() -> new IntRange("n", 0, 9, -3), "at least 2");
  }

  @Test
  void gridOfARangeWithoutPointsIsRejected() {
    rejected(() -> new LogRange("lr", 1e-3, 1e-1).grid(), "give points");
    rejected(() -> new LinearRange("m", 0, 1).grid(), "give points");
    rejected(() -> new IntRange("n", 0, 9).grid(), "give points");
  }

  @Test
  void uOutsideTheUnitIntervalIsRejected() {
    rejected(() -> new LinearRange("m", 0, 1).value(1.0), "[0, 1)");
    rejected(() -> new LogRange("lr", 1e-3, 1e-1).value(-0.1), "[0, 1)");
    rejected(() -> new IntRange("n", 0, 9).value(Double.NaN), "[0, 1)");
    rejected(() -> Choice.of("c", 1, 2).value(1.5), "[0, 1)");
  }

  static void rejected(Executable call, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }
}
