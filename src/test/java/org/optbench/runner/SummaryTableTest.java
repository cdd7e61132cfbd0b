package org.optbench.runner;

import org.optbench.spec.DataSeed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optbench.metrics.RunSummary;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.testing.Cells;
import tech.tablesaw.api.Table;

/** The console summary: one distinguishable row per cell. */
class SummaryTableTest {

  private static final Component WORKLOAD =
      Cells.component(Axis.WORKLOAD, "quadratic", Map.of());
  private static final Component ADAM = Cells.component(Axis.OPTIMIZER, "adam", Map.of());
  private static final Component CONSTANT =
      Component.withDefaults(Catalog.require(Axis.SCHEDULE, "constant"));

  private static Cell cell(Component schedule, long seed, String engine) {
    return new Cell(WORKLOAD, ADAM, Cells.noClip(), schedule, seed, DataSeed.DEFAULT, engine, 10, 5);
  }

  private static RunSummary run(Cell cell, double finalLoss) {
    return new RunSummary(cell, 10, finalLoss, finalLoss, Double.NaN, Double.NaN, false, -1,
        100, 0.1, 2, 8, 16, 0, finalLoss, 0, 0);
  }

  @Test
  void twoEnginesGetAnEngineColumnAndOneRowEach() {
    Table table = SummaryTable.of("e", List.of(
        run(cell(CONSTANT, 0, "djl"), 1.0), run(cell(CONSTANT, 1, "djl"), 3.0),
        run(cell(CONSTANT, 0, "native"), 2.0), run(cell(CONSTANT, 1, "native"), 4.0)));

    assertEquals(List.of("workload", "optimizer", "clip", "engine", "final loss",
        "final accuracy", "diverged"), table.columnNames());
    assertEquals(2, table.rowCount());
    assertEquals(List.of("djl", "native"), table.stringColumn("engine").asList());
    // Seeds 0 and 1: mean 2 ± sd √2 (djl), mean 3 ± √2 (native).
    assertEquals(List.of("2.000 ± 1.4", "3.000 ± 1.4"), table.stringColumn("final loss").asList());
    String printed = table.printAll();
    assertTrue(printed.contains("djl") && printed.contains("native"), printed);
  }

  @Test
  void oneEngineAndOneScheduleAddNoColumn() {
    Table table = SummaryTable.of("e", List.of(
        run(cell(CONSTANT, 0, "native"), 1.0), run(cell(CONSTANT, 1, "native"), 1.0)));

    assertEquals(List.of("workload", "optimizer", "clip", "final loss", "final accuracy",
        "diverged"), table.columnNames());
    assertEquals(1, table.rowCount());
  }

  @Test
  void twoSchedulesGetAScheduleColumn() {
    Component decay = Component.withDefaults(Catalog.require(Axis.SCHEDULE, "sqrt_decay"));
    Table table = SummaryTable.of("e", List.of(
        run(cell(CONSTANT, 0, "djl"), 1.0), run(cell(decay, 0, "djl"), 2.0)));

    assertEquals(List.of("constant", "sqrt_decay"), table.stringColumn("schedule").asList());
    assertEquals(List.of("1.000", "2.000"), table.stringColumn("final loss").asList());
  }
}
