package org.optbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@link Median} against numpy.median's definition, by hand. */
class MedianTest {

  @Test
  void middleValueOrMeanOfTheTwoMiddleValues() {
    assertEquals(3.0, Median.of(new double[] {5, 1, 3}));
    assertEquals(2.5, Median.of(new double[] {4, 1, 3, 2}));
    assertEquals(-1.0, Median.of(new double[] {-1}));
    assertEquals(Double.POSITIVE_INFINITY,
        Median.of(new double[] {1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 2}));
  }

  @Test
  void noValuesHaveNoMedian() {
    assertThrows(IllegalArgumentException.class, () -> Median.of(new double[0]));
  }
}
