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

/**
 * The console summary: one distinguishable row per cell, each metric the mean over the seeds that
 * did not diverge with its 95% Student-t interval.
 */
class SummaryTableTest {

  private static final Component WORKLOAD =
      Cells.component(Axis.WORKLOAD, "quadratic", Map.of());
  private static final Component ADAM = Cells.component(Axis.OPTIMIZER, "adam", Map.of());
  private static final Component CONSTANT =
      Component.withDefaults(Catalog.require(Axis.SCHEDULE, "constant"));

  private static Cell cell(Component schedule, long seed, String engine) {
    return new Cell(WORKLOAD, ADAM, Cells.noClip(), schedule, seed, DataSeed.DEFAULT, engine, 10, 5);
  }

  private static RunSummary run(Cell cell, double finalLossAvg) {
    return run(cell, finalLossAvg, Double.NaN, Double.NaN, false);
  }

  /** A run whose last minibatch loss is 9 (never shown) and smoothed final loss as given. */
  private static RunSummary run(
      Cell cell, double finalLossAvg, double evalLoss, double accuracy, boolean diverged) {
    return new RunSummary(cell, 10, 9.0, 9.0, evalLoss, accuracy, diverged, diverged ? 7 : -1,
        100, 0.1, 2, 8, 16, 0, diverged ? Double.NaN : finalLossAvg, 0, 0);
  }

  @Test
  void threeSeedsPrintTheMeanWithItsStudentTInterval() {
    // Smoothed final losses 0.1, 0.2, 0.3: mean 0.2, s = 0.1, t(0.975, 2) = 4.302653 (scipy
    // stats.t.ppf), half-width 4.302653 · 0.1 / √3 = 0.248414, so [-0.04841, 0.4484].
    // Eval losses 1, 2, 3: mean 2 ± 4.302653 · 1 / √3 = [-0.4841, 4.484]. Accuracies 0.5, 0.6,
    // 0.7: [0.3516, 0.8484]. A fourth seed diverged: left out of the means and counted.
    Table table = SummaryTable.of("e", List.of(
        run(cell(CONSTANT, 0, "djl"), 0.1, 1, 0.5, false),
        run(cell(CONSTANT, 1, "djl"), 0.2, 2, 0.6, false),
        run(cell(CONSTANT, 2, "djl"), 0.3, 3, 0.7, false),
        run(cell(CONSTANT, 3, "djl"), 0.0, Double.NaN, Double.NaN, true)));

    assertEquals(List.of("workload", "optimizer", "clip", "smoothed final train loss",
        "final eval loss", "final accuracy", "n", "diverged"), table.columnNames());
    assertEquals("0.2000 [-0.04841, 0.4484]", table.stringColumn("smoothed final train loss").get(0));
    assertEquals("2.000 [-0.4841, 4.484]", table.stringColumn("final eval loss").get(0));
    assertEquals("0.6000 [0.3516, 0.8484]", table.stringColumn("final accuracy").get(0));
    assertEquals("3", table.stringColumn("n").get(0));
    assertEquals("1/4", table.stringColumn("diverged").get(0));
  }

  @Test
  void printedSummarySaysWhatTheNumbersAre() {
    String printed = ExperimentRunner.summary("e", List.of(
        run(cell(CONSTANT, 0, "djl"), 0.1), run(cell(CONSTANT, 1, "djl"), 0.2),
        run(cell(CONSTANT, 2, "djl"), 0.3)));

    assertTrue(printed.contains(
        "e: mean over seeds [95% t-interval], n seeds; diverged runs excluded and counted"), printed);
    assertTrue(printed.contains("0.2000 [-0.04841, 0.4484]"), printed);
    assertTrue(printed.contains("final_loss_avg in runs.csv, the mean training loss over the last"
        + " 10% of steps"), printed);
  }

  @Test
  void oneSeedHasNoIntervalAndAllDivergedHasNoValue() {
    Table table = SummaryTable.of("e", List.of(
        run(cell(CONSTANT, 0, "djl"), 0.25),
        run(cell(CONSTANT, 0, "native"), 0, Double.NaN, Double.NaN, true)));

    assertEquals(List.of("0.2500", "–"), table.stringColumn("smoothed final train loss").asList());
    assertEquals(List.of("1", "0"), table.stringColumn("n").asList());
    assertEquals(List.of("0/1", "1/1"), table.stringColumn("diverged").asList());
  }

  @Test
  void twoEnginesGetAnEngineColumnAndOneRowEach() {
    Table table = SummaryTable.of("e", List.of(
        run(cell(CONSTANT, 0, "djl"), 1.0), run(cell(CONSTANT, 1, "djl"), 3.0),
        run(cell(CONSTANT, 0, "native"), 2.0), run(cell(CONSTANT, 1, "native"), 4.0)));

    assertEquals(List.of("workload", "optimizer", "clip", "engine", "smoothed final train loss",
        "n", "diverged"), table.columnNames());
    assertEquals(2, table.rowCount());
    assertEquals(List.of("djl", "native"), table.stringColumn("engine").asList());
    // Seeds 0 and 1: mean 2, s = √2, t(0.975, 1) = 12.7062: 2 ± 12.7062 · √2 / √2 = [-10.71, 14.71].
    assertEquals(List.of("2.000 [-10.71, 14.71]", "3.000 [-9.706, 15.71]"),
        table.stringColumn("smoothed final train loss").asList());
    String printed = table.printAll();
    assertTrue(printed.contains("djl") && printed.contains("native"), printed);
  }

  @Test
  void oneEngineAndOneScheduleAddNoColumn() {
    Table table = SummaryTable.of("e", List.of(
        run(cell(CONSTANT, 0, "native"), 1.0), run(cell(CONSTANT, 1, "native"), 1.0)));

    assertEquals(List.of("workload", "optimizer", "clip", "smoothed final train loss", "n",
        "diverged"), table.columnNames());
    assertEquals(1, table.rowCount());
  }

  @Test
  void twoSchedulesGetAScheduleColumn() {
    Component decay = Component.withDefaults(Catalog.require(Axis.SCHEDULE, "sqrt_decay"));
    Table table = SummaryTable.of("e", List.of(
        run(cell(CONSTANT, 0, "djl"), 1.0), run(cell(decay, 0, "djl"), 2.0)));

    assertEquals(List.of("constant", "sqrt_decay"), table.stringColumn("schedule").asList());
    assertEquals(List.of("1.000", "2.000"),
        table.stringColumn("smoothed final train loss").asList());
  }
}
