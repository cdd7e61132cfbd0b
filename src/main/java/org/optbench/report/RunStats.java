package org.optbench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.optbench.stats.Estimate;
import org.optbench.stats.SeedStatistics;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Per-cell summaries of {@code runs.csv} columns over seeds. The summary is the mean over the
 * seeds that did not diverge with its 95% Student-t interval (org.optbench.stats); the diverged
 * seeds are left out and counted ({@link Divergence}).
 */
final class RunStats {

  /** Confidence level of every interval in the report's tables. */
  static final double LEVEL = 0.95;

  /** What a table caption says about its estimate columns. */
  static final String STATISTIC =
      "each metric: mean over the n seeds that did not diverge [95% Student-t interval],"
          + " no interval where n = 1, – where no seed has a value; diverged seeds are counted,"
          + " not averaged";

  private RunStats() {}

  /**
   * The diverged seeds of a cell.
   *
   * @param seeds runs of the cell
   * @param steps the divergence step of each diverged run, ascending
   */
  record Divergence(int seeds, List<Integer> steps) {

    int diverged() {
      return steps.size();
    }

    /** Seeds that did not diverge: the n of the cell's estimates. */
    int finite() {
      return seeds - steps.size();
    }

    /** Every divergence step, e.g. {@code 7, 9}; empty when none diverged. */
    String stepsText() {
      return String.join(", ", steps.stream().map(String::valueOf).toList());
    }
  }

  /** Mean and 95% t-interval of {@code column} over the cell's seeds that did not diverge. */
  static Estimate estimate(Table runs, String cell, String column) {
    return SeedStatistics.mean(values(runs, cell, column), LEVEL);
  }

  /** The finite values of {@code column} over the runs of {@code cell} that did not diverge. */
  static double[] values(Table runs, String cell, String column) {
    List<Double> out = new ArrayList<>();
    NumericColumn<?> values = (NumericColumn<?>) runs.column(column);
    StringColumn cells = runs.stringColumn("cell");
    BooleanColumn diverged = runs.booleanColumn("diverged");
    for (int r = 0; r < runs.rowCount(); r++) {
      if (cells.get(r).equals(cell) && !diverged.get(r)) {
        double v = values.getDouble(r);
        if (Double.isFinite(v)) {
          out.add(v);
        }
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Run ids of the cell's seeds that did not diverge, in file order. */
  static List<String> finiteRuns(Table runs, String cell) {
    List<String> ids = new ArrayList<>();
    for (Row r : runs) {
      if (r.getString("cell").equals(cell) && !r.getBoolean("diverged")) {
        ids.add(r.getString("run_id"));
      }
    }
    return ids;
  }

  /**
   * The mean of {@code column} over every run of {@code cell}: for values that are the same for
   * every seed (parameter and optimizer-state bytes); NaN when none has a value.
   */
  static double shared(Table runs, String cell, String column) {
    NumericColumn<?> values = (NumericColumn<?>) runs.column(column);
    StringColumn cells = runs.stringColumn("cell");
    double[] all = new double[runs.rowCount()];
    int k = 0;
    for (int r = 0; r < runs.rowCount(); r++) {
      double v = values.getDouble(r);
      if (cells.get(r).equals(cell) && Double.isFinite(v)) {
        all[k++] = v;
      }
    }
    return k == 0 ? Double.NaN : Arrays.stream(all, 0, k).sum() / k;
  }

  /** The cell's seeds and the divergence steps of those that diverged. */
  static Divergence divergence(Table runs, String cell) {
    int seeds = 0;
    List<Integer> steps = new ArrayList<>();
    for (Row r : runs) {
      if (r.getString("cell").equals(cell)) {
        seeds++;
        if (r.getBoolean("diverged")) {
          steps.add(r.getInt("diverged_step"));
        }
      }
    }
    steps.sort(null);
    return new Divergence(seeds, List.copyOf(steps));
  }
}
