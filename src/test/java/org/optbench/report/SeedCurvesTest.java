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
  void meanMinAndMaxOverSeedsSkipNonFiniteValues() {
    // Cell a, two seeds: the second diverges at step 3 (Inf), then is gone.
    Table steps =
        Table.create(
            StringColumn.create("cell", "a", "a", "a", "a", "a", "b", "b"),
            IntColumn.create("step", 1, 2, 3, 1, 2, 1, 2),
            DoubleColumn.create("loss", 4.0, 2.0, 1.0, 6.0, INF, NAN, NAN));
    List<SeedCurves.Curve> curves = SeedCurves.of(steps, List.of("a", "b"), "loss");
    SeedCurves.Curve a = curves.get(0);
    assertArrayEquals(new double[] {1, 2, 3}, a.step());
    assertArrayEquals(new double[] {5, 2, 1}, a.mean());
    assertArrayEquals(new double[] {4, 2, 1}, a.min());
    assertArrayEquals(new double[] {6, 2, 1}, a.max());
    assertTrue(a.hasSpread());
    assertTrue(curves.get(1).isEmpty(), "no finite value: no curve, not zeros");
    assertFalse(curves.get(1).hasSpread());
  }
}
