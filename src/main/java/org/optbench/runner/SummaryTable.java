package org.optbench.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.optbench.metrics.RunSummary;
import org.optbench.spec.Cell;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The table printed when a run finishes: one row per cell (all seeds together), in grid order,
 * with mean ± sample standard deviation over seeds of the final training loss and accuracy.
 * Workload, optimizer and clip are always shown; schedule and engine when the runs differ in
 * them, so that no two rows read the same, and not otherwise (a column repeating one value for
 * every row says nothing).
 */
final class SummaryTable {

  private SummaryTable() {}

  static Table of(String experiment, List<RunSummary> runs) {
    Map<String, List<RunSummary>> byCell = new LinkedHashMap<>();
    for (RunSummary run : runs) {
      byCell.computeIfAbsent(run.cell().label(), label -> new ArrayList<>()).add(run);
    }
    List<Cell> cells = byCell.values().stream().map(seeds -> seeds.get(0).cell()).toList();
    List<Column<?>> columns = new ArrayList<>();
    columns.add(StringColumn.create("workload", cells.stream().map(c -> c.workload().label())));
    columns.add(StringColumn.create("optimizer", cells.stream().map(c -> c.optimizer().label())));
    columns.add(StringColumn.create("clip", cells.stream().map(c -> c.clip().label())));
    if (varies(cells, c -> c.schedule().label())) {
      columns.add(StringColumn.create("schedule", cells.stream().map(c -> c.schedule().label())));
    }
    if (varies(cells, Cell::engine)) {
      columns.add(StringColumn.create("engine", cells.stream().map(Cell::engine)));
    }
    StringColumn finalLoss = StringColumn.create("final loss");
    StringColumn accuracy = StringColumn.create("final accuracy");
    StringColumn diverged = StringColumn.create("diverged");
    for (List<RunSummary> seeds : byCell.values()) {
      finalLoss.append(meanAndSpread(seeds.stream()
          .filter(run -> !run.diverged()).mapToDouble(RunSummary::finalLoss).toArray()));
      accuracy.append(meanAndSpread(seeds.stream()
          .filter(run -> !run.diverged()).mapToDouble(RunSummary::finalAccuracy).toArray()));
      diverged.append(seeds.stream().filter(RunSummary::diverged).count() + "/" + seeds.size());
    }
    columns.add(finalLoss);
    columns.add(accuracy);
    columns.add(diverged);
    return Table.create(
        experiment + ": mean ± sd over seeds (diverged runs excluded)", columns);
  }

  private static boolean varies(List<Cell> cells, Function<Cell, String> axis) {
    return cells.stream().map(axis).distinct().count() > 1;
  }

  /** "mean ± sd" with four significant digits; "–" when there is nothing finite to average. */
  static String meanAndSpread(double[] values) {
    double[] finite = java.util.Arrays.stream(values).filter(Double::isFinite).toArray();
    if (finite.length == 0) {
      return "–";
    }
    double mean = java.util.Arrays.stream(finite).average().orElseThrow();
    if (finite.length == 1) {
      return String.format("%.4g", mean);
    }
    double squares = 0;
    for (double v : finite) {
      squares += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(squares / (finite.length - 1));
    return String.format("%.4g ± %.2g", mean, sd);
  }
}
