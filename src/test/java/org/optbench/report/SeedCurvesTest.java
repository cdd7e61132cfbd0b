package org.optbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class SeedCurvesTest {

  static final double NAN = Double.NaN;
  static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void medianMinAndMaxOverSeedsSkipNonFiniteValues() {
    // Cell a, two seeds: the second diverges at step 3 (Inf), then is gone.
    Table steps =
        Table.create(
            StringColumn.create("run_id", "a0", "a0", "a0", "a1", "a1", "b0", "b0"),
            IntColumn.create("step", 1, 2, 3, 1, 2, 1, 2),
            DoubleColumn.create("loss", 4.0, 2.0, 1.0, 6.0, INF, NAN, NAN));
    for (String m : org.optbench.io.StepSeries.METRICS) {
      if (!m.equals("loss") && !m.equals("clipped")) {
        steps.addColumns(DoubleColumn.create(m, new double[steps.rowCount()]));
      }
    }
    steps.addColumns(tech.tablesaw.api.BooleanColumn.create("clipped", steps.rowCount()));
    org.optbench.io.StepSeries series = org.optbench.io.StepSeries.of(steps);
    SeedCurves.Curve a = SeedCurves.of(series, "a", List.of("a0", "a1"), "loss");
    SeedCurves.Curve b = SeedCurves.of(series, "b", List.of("b0"), "loss");
    List<SeedCurves.Curve> curves = List.of(a, b);
    assertArrayEquals(new double[] {1, 2, 3}, a.step());
    assertArrayEquals(new double[] {5, 2, 1}, a.median());
    assertArrayEquals(new double[] {4, 2, 1}, a.min());
    assertArrayEquals(new double[] {6, 2, 1}, a.max());
    assertTrue(a.hasSpread());
    assertTrue(curves.get(1).isEmpty(), "no finite value: no curve, not zeros");
    assertFalse(curves.get(1).hasSpread());
  }
}
