package org.optbench.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExpectedBestTest {

  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double NAN = Double.NaN;

  @Test
  void byHandForFourScores() {
    double[] acc = {3, 1, 4, 2};
    // Sorted 1, 2, 3, 4. k = 1: the mean, 2.5.
    // k = 2: weights (i/4)² − ((i−1)/4)² = 1/16, 3/16, 5/16, 7/16: (1 + 6 + 15 + 28)/16 = 3.125.
    // k = 4: weights 1/256, 15/256, 65/256, 175/256: (1 + 30 + 195 + 700)/256 = 926/256.
    double[] curve = ExpectedBest.curve(acc, Direction.HIGHER_IS_BETTER);
    assertEquals(2.5, curve[0], 1e-12);
    assertEquals(3.125, curve[1], 1e-12);
    assertEquals(926.0 / 256, curve[3], 1e-12);
    // Lower is better mirrors it: worst first 4, 3, 2, 1 with the same weights,
    // (4 + 9 + 10 + 7)/16 = 1.875.
    assertEquals(1.875, ExpectedBest.of(acc, 2, Direction.LOWER_IS_BETTER), 1e-12);
  }

  @Test
  void matchesEnumerationOfAllDraws() {
    double[][] samples = {
        {0.3, 0.1, 0.4, 0.2},
        {0.5, 0.5, 0.2, 0.9}, // a tie
        {1.0, 1.0, 1.0, 1.0}, // all tied
        {0.7, 0.2, 0.7, 0.2, 0.4}, // two ties, n = 5
        {2.0}, // n = 1
    };
    for (double[] x : samples) {
      for (Direction d : Direction.values()) {
        double[] curve = ExpectedBest.curve(x, d);
        assertEquals(x.length, curve.length);
        for (int k = 1; k <= x.length; k++) {
          double expected = bruteForce(x, k, d);
          assertEquals(expected, curve[k - 1], 1e-12, Arrays.toString(x) + " " + d + " k=" + k);
          assertEquals(expected, ExpectedBest.of(x, k, d), 1e-12);
        }
        // More draws than trials: still with replacement.
        assertEquals(bruteForce(x, x.length + 1, d), ExpectedBest.of(x, x.length + 1, d), 1e-12);
      }
    }
  }

  @Test
  void curveRisesFromTheMeanTowardsTheBest() {
    double[] loss = {0.9, 0.4, 0.6, 0.5, 1.2, 0.45};
    double[] curve = ExpectedBest.curve(loss, Direction.LOWER_IS_BETTER);
    assertEquals(Arrays.stream(loss).average().orElseThrow(), curve[0], 1e-12);
    for (int k = 1; k < curve.length; k++) {
      assertTrue(curve[k] <= curve[k - 1]);
    }
    assertTrue(curve[curve.length - 1] > 0.4);
    assertEquals(0.4, ExpectedBest.of(loss, 2000, Direction.LOWER_IS_BETTER), 1e-9);
  }

  @Test
  void divergedTrialsAreTheWorstValue() {
    // Every k draws all hit the diverged trial with probability (1/4)^k > 0: the expectation is the
    // worst value, also by enumeration with NaN counted as −∞ / +∞.
    double[] x = {0.3, NAN, 0.5, 0.1};
    assertArrayEquals(new double[] {-INF, -INF, -INF, -INF}, ExpectedBest.curve(x, Direction.HIGHER_IS_BETTER));
    assertArrayEquals(new double[] {INF, INF, INF, INF}, ExpectedBest.curve(x, Direction.LOWER_IS_BETTER));
    for (int k = 1; k <= 4; k++) {
      assertEquals(bruteForce(x, k, Direction.HIGHER_IS_BETTER), ExpectedBest.of(x, k, Direction.HIGHER_IS_BETTER));
      assertEquals(bruteForce(x, k, Direction.LOWER_IS_BETTER), ExpectedBest.of(x, k, Direction.LOWER_IS_BETTER));
    }
    // A diverged loss recorded as +∞ is the same as NaN.
    assertEquals(INF, ExpectedBest.of(new double[] {INF, 0.2}, 3, Direction.LOWER_IS_BETTER));
  }

  @Test
  void worstInfinityStaysInfiniteWhenItsWeightUnderflows() {
    // (1/300)^300 underflows to 0; the answer is still +∞, not ∞·0 = NaN.
    double[] x = new double[300];
    Arrays.fill(x, 1.0);
    x[0] = NAN;
    assertEquals(INF, ExpectedBest.of(x, 300, Direction.LOWER_IS_BETTER));
  }

  @Test
  void bestInfinityMakesTheExpectationInfinite() {
    // A loss of −∞ (best possible) is drawn with probability 1 − (2/3)^k > 0.
    assertEquals(-INF, ExpectedBest.of(new double[] {-INF, 1, 2}, 2, Direction.LOWER_IS_BETTER));
    // Both the best and the worst infinity: undefined.
    assertTrue(Double.isNaN(ExpectedBest.of(new double[] {-INF, NAN, 2}, 2, Direction.LOWER_IS_BETTER)));
  }

  @Test
  void invalidInputIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> ExpectedBest.curve(new double[0], Direction.HIGHER_IS_BETTER));
    assertThrows(IllegalArgumentException.class, () -> ExpectedBest.of(new double[] {1}, 0, Direction.HIGHER_IS_BETTER));
  }

  /** The mean over all n^k ordered draws (with replacement) of the best drawn score. */
  private static double bruteForce(double[] x, int k, Direction d) {
    int n = x.length;
    int draws = (int) Math.pow(n, k);
    double sum = 0;
    for (int code = 0; code < draws; code++) {
      double best = NAN;
      for (int j = 0, c = code; j < k; j++, c /= n) {
        double v = x[c % n];
        if (d.better(v, best) || j == 0) {
          best = v;
        }
      }
      sum += Double.isNaN(best) ? d.worst() : best;
    }
    return sum / draws;
  }
}
