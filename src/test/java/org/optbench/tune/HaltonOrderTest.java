package org.optbench.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link Halton#order}: which unshuffled point each row of a sequence is, and the property a
 * growing tuning budget relies on: a larger budget's points include a smaller one's under the
 * same indices.
 */
class HaltonOrderTest {

  @Test
  void orderIsAPermutationOfTheFirstPoints() {
    int[] order = Halton.order(8, 1000);
    int[] sorted = order.clone();
    Arrays.sort(sorted);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, sorted);
  }

  @Test
  void aLargerBudgetKeepsEverySmallerBudgetsPointUnderItsIndex() {
    for (long seed : new long[] {0, 1, 1000}) {
      double[][] six = Halton.sequence(6, 2, seed);
      double[][] eight = Halton.sequence(8, 2, seed);
      int[] sixOrder = Halton.order(6, seed);
      int[] eightOrder = Halton.order(8, seed);
      for (int r = 0; r < 6; r++) {
        int row = indexOf(eightOrder, sixOrder[r]);
        assertArrayEquals(six[r], eight[row], 0.0, "seed " + seed + ", point " + sixOrder[r]);
      }
    }
  }

  @Test
  void pointIndicesFollowTheSampler() {
    assertArrayEquals(Halton.order(5, 7), Trials.pointIndices(Sampler.QUASI_RANDOM, 5, 7));
    assertArrayEquals(new int[] {0, 1, 2}, Trials.pointIndices(Sampler.RANDOM, 3, 7));
    assertArrayEquals(new int[] {0, 1, 2}, Trials.pointIndices(Sampler.GRID, 3, 7));
  }

  private static int indexOf(int[] values, int value) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == value) {
        return i;
      }
    }
    assertEquals(-1, value, "not found");
    return -1;
  }
}
