package org.optbench.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.optbench.stats.Estimate;
import org.optbench.stats.Interval;

class AggregatesTest {

  @Test
  void iqmPoolsAllRunsOfAllWorkloads() {
    List<double[]> perWorkload = List.of(new double[] {0.9, 1.0, 1.1}, new double[] {0.2, 0.4, 5.0},
        new double[] {0.5, 0.6});
    // Pooled and sorted: 0.2 0.4 0.5 0.6 0.9 1.0 1.1 5.0 (n = 8); ⌊8/4⌋ = 2 cut from each end:
    // mean of 0.5, 0.6, 0.9, 1.0 = 3.0/4 = 0.75.
    Estimate e = Aggregates.iqm(perWorkload, 0.95, 2000);
    assertEquals(0.75, e.value(), 1e-12);
    assertEquals(Aggregates.IQM, e.statistic());
    assertEquals(8, e.n());
    Interval i = e.interval();
    assertEquals(Interval.Method.BOOTSTRAP_PERCENTILE, i.method());
    assertTrue(i.low() <= 0.75 && 0.75 <= i.high(), i.toString());
    // Every resample's IQM lies within the range of the pooled runs.
    assertTrue(i.low() >= 0.2 && i.high() <= 5.0, i.toString());
    assertEquals(i, Aggregates.iqm(perWorkload, 0.95, 2000).interval());
  }

  @Test
  void oneRunPerWorkloadGivesAPointInterval() {
    Estimate e = Aggregates.iqm(List.of(new double[] {1}, new double[] {2}, new double[] {3}, new double[] {4}), 0.95, 500);
    // ⌊4/4⌋ = 1 cut from each end: (2 + 3)/2.
    assertEquals(2.5, e.value(), 1e-12);
    assertEquals(2.5, e.interval().low(), 1e-12);
    assertEquals(2.5, e.interval().high(), 1e-12);
  }

  @Test
  void nonFiniteScoresAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Aggregates.iqm(List.of(new double[] {1, Double.NaN})));
    assertThrows(IllegalArgumentException.class,
        () -> Aggregates.iqm(List.of(new double[] {Double.POSITIVE_INFINITY})));
    assertThrows(IllegalArgumentException.class, () -> Aggregates.iqm(List.of()));
    assertThrows(IllegalArgumentException.class, () -> Aggregates.iqm(List.of(new double[0])));
  }

  @Test
  void progressIsTheFractionOfTheWayToTheTarget() {
    // Loss from 2.3 towards 0.5, now 1.4: (1.4 − 2.3)/(0.5 − 2.3) = 0.5.
    assertEquals(0.5, Normalisation.progress(1.4, 2.3, 0.5), 1e-12);
    // Accuracy from 0.1 towards 0.9, now 0.95: (0.85)/(0.8) = 1.0625, past the target.
    assertEquals(1.0625, Normalisation.progress(0.95, 0.1, 0.9), 1e-12);
    assertEquals(0.0, Normalisation.progress(2.3, 2.3, 0.5), 0.0);
    assertEquals(-0.5, Normalisation.progress(3.2, 2.3, 0.5), 1e-12);
    assertTrue(Double.isNaN(Normalisation.progress(Double.NaN, 2.3, 0.5)));
    assertThrows(IllegalArgumentException.class, () -> Normalisation.progress(1, 1, 1));
  }
}
