package org.optbench.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The radical inverse by hand: digits mirrored about the radix point. */
class RadicalInverseTest {

  @Test
  void baseTwo() {
    assertEquals(0.0, RadicalInverse.of(0, 2));
    assertEquals(0.5, RadicalInverse.of(1, 2));    // 1     -> 0.1
    assertEquals(0.25, RadicalInverse.of(2, 2));   // 10    -> 0.01
    assertEquals(0.75, RadicalInverse.of(3, 2));   // 11    -> 0.11
    assertEquals(0.125, RadicalInverse.of(4, 2));  // 100   -> 0.001
    assertEquals(0.625, RadicalInverse.of(5, 2));  // 101   -> 0.101
  }

  @Test
  void baseThree() {
    assertEquals(1.0 / 3, RadicalInverse.of(1, 3), 1e-15);
    assertEquals(2.0 / 3, RadicalInverse.of(2, 3), 1e-15);
    assertEquals(1.0 / 9, RadicalInverse.of(3, 3), 1e-15);          // 10 -> 0.01
    assertEquals(1.0 / 3 + 1.0 / 9, RadicalInverse.of(4, 3), 1e-15); // 11 -> 0.11
    assertEquals(2.0 / 3 + 2.0 / 9, RadicalInverse.of(8, 3), 1e-15); // 22 -> 0.22
  }

  @Test
  void scrambledReplacesEachDigitThroughThePermutation() {
    int[] swapOneAndTwo = {0, 2, 1};
    assertEquals(2.0 / 3, RadicalInverse.scrambled(1, 3, swapOneAndTwo), 1e-15);
    assertEquals(1.0 / 3, RadicalInverse.scrambled(2, 3, swapOneAndTwo), 1e-15);
    assertEquals(2.0 / 9, RadicalInverse.scrambled(3, 3, swapOneAndTwo), 1e-15);  // 10 -> 0.02
    assertEquals(1.0 / 3 + 2.0 / 9, RadicalInverse.scrambled(5, 3, swapOneAndTwo), 1e-15); // 12 -> 0.12
  }

  @Test
  void negativeIndexIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> RadicalInverse.of(-1, 2));
  }
}
