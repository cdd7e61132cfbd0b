package org.optbench.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.optbench.metrics.RunSummary;
import org.optbench.spec.Cell;
import org.optbench.stats.Estimate;
import org.optbench.stats.EstimateText;
import org.optbench.stats.SeedStatistics;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The table printed when a run finishes: one row per cell (all seeds together), in grid order,
 * with the statistic the report and its exported tables use (org.optbench.stats): for each key
 * metric the mean over the seeds that did not diverge with its 95% Student-t interval, n those
 * seeds, and the diverged seeds counted apart. Workload, optimizer and clip are always shown;
 * schedule and engine when the runs differ in them, so that no two rows read the same, and not
 * otherwise (a column repeating one value for every row says nothing). Held-out loss and accuracy
 * get a column only when some run measured them.
 */
final class SummaryTable {

  /** Confidence level of the intervals. */
  static final double LEVEL = 0.95;

  static final String TITLE =
      "mean over seeds [95% t-interval], n seeds; diverged runs excluded and counted";

  static final String SMOOTHED_LOSS = "smoothed final train loss";

  /** Says what the smoothed loss is, since runs.csv also has the last minibatch's loss. */
  static final String FOOTNOTE =
      SMOOTHED_LOSS + ": final_loss_avg in runs.csv, the mean training loss over the last 10% of"
          + " steps (final_loss is the last single minibatch's loss).";

  /**
   * A metric of the table.
   *
   * @param heading its column heading
   * @param value where a run keeps it
   * @param always whether it gets a column even when no run measured it
   */
  private record Metric(String heading, ToDoubleFunction<RunSummary> value, boolean always) {}

  private static final List<Metric> METRICS = List.of(
      new Metric(SMOOTHED_LOSS, RunSummary::finalLossAvg, true),
      new Metric("final eval loss", RunSummary::finalEvalLoss, false),
      new Metric("final accuracy", RunSummary::finalAccuracy, false));

  private SummaryTable() {}

  /** The table, its title line and the footnote, as printed. */
  static String text(String experiment, List<RunSummary> runs) {
    // Tuning trials are one seed each and mostly discarded: the table shows the selected
    // settings' reruns, and says where the trials are.
    List<RunSummary> shown = runs.stream()
        .filter(r -> r.cell().trial().role() != org.optbench.spec.Trial.Role.TRIAL).toList();
    long trials = runs.size() - shown.size();
    String note = trials == 0 ? "" : "\n" + trials + " tuning trials are not listed: `optbench"
        + " score` and the report's Benchmark and Tuning sections show them.";
    return of(experiment, shown).printAll() + "\n" + FOOTNOTE + note;
  }

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
    for (Metric metric : METRICS) {
      if (metric.always() || measured(runs, metric)) {
        StringColumn column = StringColumn.create(metric.heading());
        for (List<RunSummary> seeds : byCell.values()) {
          column.append(EstimateText.valueAndInterval(estimate(seeds, metric)));
        }
        columns.add(column);
      }
    }
    StringColumn n = StringColumn.create("n");
    StringColumn diverged = StringColumn.create("diverged");
    for (List<RunSummary> seeds : byCell.values()) {
      long count = seeds.stream().filter(RunSummary::diverged).count();
      n.append(Long.toString(seeds.size() - count));
      diverged.append(count + "/" + seeds.size());
    }
    columns.add(n);
    columns.add(diverged);
    return Table.create(experiment + ": " + TITLE, columns);
  }

  /** The metric's mean and interval over the seeds that did not diverge. */
  private static Estimate estimate(List<RunSummary> seeds, Metric metric) {
    double[] values =
        seeds.stream().filter(run -> !run.diverged()).mapToDouble(metric.value()).toArray();
    return SeedStatistics.mean(SeedStatistics.finite(values), LEVEL);
  }

  private static boolean measured(List<RunSummary> runs, Metric metric) {
    return runs.stream().mapToDouble(metric.value()).anyMatch(Double::isFinite);
  }

  private static boolean varies(List<Cell> cells, Function<Cell, String> axis) {
    return cells.stream().map(axis).distinct().count() > 1;
  }
}
