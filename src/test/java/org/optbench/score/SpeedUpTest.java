package org.optbench.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpeedUpTest {

  private static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void geometricMeanByHand() {
    // Ratios baseline/optimizer: 100/50 = 2, 30/60 = 1/2, 90/10 = 9: (2 · 1/2 · 9)^(1/3) = 9^(1/3).
    SpeedUp s = SpeedUp.of(new double[] {100, 30, 90}, new double[] {50, 60, 10});
    assertEquals(Math.cbrt(9), s.geometricMean(), 1e-12);
    assertEquals(3, s.workloads());
    assertEquals(3, s.used());
    assertEquals(0, s.excluded());
  }

  @Test
  void unreachedWorkloadsAreLeftOutAndCountedByCause() {
    double[] baseline = {100, 40, INF, INF, 80, 10};
    double[] optimizer = {25, INF, 5, INF, 20, 10};
    // Used: 100/25 = 4, 80/20 = 4, 10/10 = 1: (4·4·1)^(1/3) = 16^(1/3).
    SpeedUp s = SpeedUp.of(baseline, optimizer);
    assertEquals(Math.cbrt(16), s.geometricMean(), 1e-12);
    assertEquals(6, s.workloads());
    assertEquals(3, s.used());
    assertEquals(1, s.neverByOptimizer()); // workload 1
    assertEquals(1, s.neverByBaseline()); // workload 2
    assertEquals(1, s.neverByBoth()); // workload 3
    assertEquals(3, s.excluded());
    assertEquals("2.520× over 3 of 6 workloads (never reached: 1 by the optimizer, 1 by the baseline, "
        + "1 by both)", s.describe());
  }

  @Test
  void noCommonWorkloadGivesNaN() {
    SpeedUp s = SpeedUp.of(new double[] {INF, 3}, new double[] {2, INF});
    assertTrue(Double.isNaN(s.geometricMean()));
    assertEquals(0, s.used());
    assertEquals(1, s.neverByBaseline());
    assertEquals(1, s.neverByOptimizer());
  }

  @Test
  void speedUpOverItselfIsOne() {
    double[] t = {3, 7, INF, 0.5};
    assertEquals(1.0, SpeedUp.of(t, t).geometricMean(), 1e-15);
    assertEquals("1.000× over 3 of 4 workloads (never reached: 1 by both)", SpeedUp.of(t, t).describe());
  }

  @Test
  void invalidTimesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> SpeedUp.of(new double[] {1}, new double[] {1, 2}));
    assertThrows(IllegalArgumentException.class, () -> SpeedUp.of(new double[] {0}, new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> SpeedUp.of(new double[] {1}, new double[] {Double.NaN}));
  }
}
