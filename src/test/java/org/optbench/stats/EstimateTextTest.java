package org.optbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The cell text of a mean and its interval, on values worked out by hand. */
class EstimateTextTest {

  @Test
  void threeValuesShowTheMeanAndItsTInterval() {
    // 0.1, 0.2, 0.3: mean 0.2, s = 0.1, t(0.975, 2) = 4.302653 (scipy.stats.t.ppf);
    // 0.2 ± 4.302653 · 0.1 / √3 = 0.2 ± 0.248414.
    Estimate e = SeedStatistics.mean(new double[] {0.1, 0.2, 0.3}, 0.95);
    assertEquals(-0.0484137, e.interval().low(), 1e-7);
    assertEquals(0.4484137, e.interval().high(), 1e-7);
    assertEquals("0.2000 [-0.04841, 0.4484]", EstimateText.valueAndInterval(e));
  }

  @Test
  void oneValueHasNoIntervalAndNoValueShowsADash() {
    assertEquals("0.2500", EstimateText.valueAndInterval(SeedStatistics.mean(new double[] {0.25}, 0.95)));
    assertEquals("–", EstimateText.valueAndInterval(SeedStatistics.mean(new double[0], 0.95)));
  }

  @Test
  void criticalValuesAreTheSameOnEveryCall() {
    // Cached after the first call; t(0.975, 4) = 2.776445 (scipy.stats.t.ppf).
    assertEquals(2.776445, SeedStatistics.quantile(4, 0.95), 1e-6);
    assertEquals(SeedStatistics.quantile(4, 0.95), SeedStatistics.quantile(4, 0.95));
  }
}
