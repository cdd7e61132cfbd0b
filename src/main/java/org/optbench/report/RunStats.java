package org.optbench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/** Per-cell summaries of {@code runs.csv} columns over seeds. */
final class RunStats {

  private RunStats() {}

  /** The finite values of {@code column} over the runs of {@code cell}. */
  static double[] values(Table runs, String cell, String column) {
    List<Double> out = new ArrayList<>();
    NumericColumn<?> values = (NumericColumn<?>) runs.column(column);
    for (int r = 0; r < runs.rowCount(); r++) {
      if (runs.stringColumn("cell").get(r).equals(cell)) {
        double v = values.getDouble(r);
        if (Double.isFinite(v)) {
          out.add(v);
        }
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The median of {@code column} over the seeds of {@code cell}; NaN when none has a value. */
  static double median(Table runs, String cell, String column) {
    double[] v = values(runs, cell, column);
    if (v.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(v);
    return SeedCurves.median(v, v.length);
  }

  /** Seeds of {@code cell} and how many diverged, and their median divergence step. */
  static int[] divergence(Table runs, String cell) {
    int seeds = 0;
    int diverged = 0;
    List<Integer> steps = new ArrayList<>();
    for (Row r : runs) {
      if (r.getString("cell").equals(cell)) {
        seeds++;
        if (r.getBoolean("diverged")) {
          diverged++;
          steps.add(r.getInt("diverged_step"));
        }
      }
    }
    steps.sort(null);
    int medianStep = steps.isEmpty() ? -1 : steps.get((steps.size() - 1) / 2);
    return new int[] {seeds, diverged, medianStep};
  }
}
