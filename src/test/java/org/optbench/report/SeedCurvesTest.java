package org.optbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.optbench.io.StepSeries;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Per-step mean and 95% t-interval over seeds, on values worked out by hand. */
class SeedCurvesTest {

  static final double NAN = Double.NaN;
  static final double INF = Double.POSITIVE_INFINITY;

  /** t(0.975, 2), scipy.stats.t.ppf(0.975, 2). */
  static final double T2 = 4.302652729911275;

  /** A steps table with the given loss and wall time per row, every other metric 0. */
  static StepSeries series(String[] runIds, int[] steps, double[] loss, double[] wallMs) {
    Table table =
        Table.create(
            StringColumn.create("run_id", runIds),
            IntColumn.create("step", steps),
            DoubleColumn.create("loss", loss),
            DoubleColumn.create("wall_ms", wallMs));
    for (String m : StepSeries.METRICS) {
      if (!m.equals("loss") && !m.equals("wall_ms") && !m.equals("clipped")) {
        table.addColumns(DoubleColumn.create(m, new double[table.rowCount()]));
      }
    }
    table.addColumns(BooleanColumn.create("clipped", table.rowCount()));
    return StepSeries.of(table);
  }

  @Test
  void twoStepsOfThreeSeedsGiveTheMeanAndItsTIntervalPerStep() {
    // Step 1: losses 1, 2, 3 (mean 2, s = 1); step 2: 0.1, 0.2, 0.3 (mean 0.2, s = 0.1).
    // Half-widths t(0.975, 2)·s/√3: 4.302653 / √3 = 2.484138 and 0.2484138. (steps.csv values
    // are floats: 0.1f is 0.1 to seven digits, hence the tolerances.)
    StepSeries series =
        series(
            new String[] {"s0", "s0", "s1", "s1", "s2", "s2"},
            new int[] {1, 2, 1, 2, 1, 2},
            new double[] {1, 0.1, 2, 0.2, 3, 0.3},
            new double[] {10, 20, 12, 22, 14, 30});
    SeedCurves.Curve c = SeedCurves.of(series, "c", List.of("s0", "s1", "s2"), "loss");

    double half1 = T2 * 1 / Math.sqrt(3);
    double half2 = T2 * 0.1 / Math.sqrt(3);
    assertArrayEquals(new double[] {1, 2}, c.step());
    assertArrayEquals(new double[] {2, 0.2}, c.mean(), 1e-7);
    assertArrayEquals(new double[] {-0.484138, -0.0484138}, c.low(), 1e-6);
    assertArrayEquals(new double[] {4.484138, 0.4484138}, c.high(), 1e-6);
    assertArrayEquals(new double[] {2 - half1, 0.2 - half2}, c.low(), 1e-7);
    assertArrayEquals(new double[] {2 + half1, 0.2 + half2}, c.high(), 1e-7);
    assertArrayEquals(new int[] {3, 3}, c.n());
    // Mean wall time: (10 + 12 + 14) / 3 ms and (20 + 22 + 30) / 3 ms, in seconds.
    assertArrayEquals(new double[] {0.012, 0.024}, c.seconds(), 1e-9);
    assertTrue(c.hasBand());
  }

  @Test
  void aDivergedSeedLeavesTheMeanAndOneSeedHasNoInterval() {
    // Cell a, two seeds: the second diverges at step 2 (Inf), then is gone. Cell b: no finite value.
    StepSeries series =
        series(
            new String[] {"a0", "a0", "a0", "a1", "a1", "b0", "b0"},
            new int[] {1, 2, 3, 1, 2, 1, 2},
            new double[] {4.0, 2.0, 1.0, 6.0, INF, NAN, NAN},
            new double[] {1, 2, 3, 1, 2, 1, 2});
    SeedCurves.Curve a = SeedCurves.of(series, "a", List.of("a0", "a1"), "loss");
    SeedCurves.Curve b = SeedCurves.of(series, "b", List.of("b0"), "loss");

    assertArrayEquals(new double[] {1, 2, 3}, a.step());
    assertArrayEquals(new double[] {5, 2, 1}, a.mean());
    assertArrayEquals(new int[] {2, 1, 1}, a.n());
    // Step 1: 4 and 6, mean 5, s = √2, t(0.975, 1) = 12.7062: 5 ± 12.7062 · √2 / √2.
    assertArrayEquals(new double[] {5 - 12.706205, NAN, NAN}, a.low(), 1e-6);
    assertArrayEquals(new double[] {5 + 12.706205, NAN, NAN}, a.high(), 1e-6);
    assertTrue(a.hasBand());
    assertTrue(b.isEmpty(), "no finite value: no curve, not zeros");
    assertFalse(b.hasBand());
  }
}
