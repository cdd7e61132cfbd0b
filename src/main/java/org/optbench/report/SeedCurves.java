package org.optbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One metric of {@code steps.csv} per cell and step, aggregated over seeds: mean, min and max.
 *
 * <p>Only finite values count. A diverged seed therefore drops out of the aggregate from its
 * divergence on, and steps where no seed has a value are left out (a gap, not a zero).
 */
final class SeedCurves {

  private SeedCurves() {}

  /**
   * A metric of one cell over steps.
   *
   * @param cell the cell label
   * @param step steps with at least one finite value, ascending
   * @param mean mean over seeds at each step
   * @param min lowest seed at each step
   * @param max highest seed at each step
   */
  record Curve(String cell, double[] step, double[] mean, double[] min, double[] max) {

    boolean isEmpty() {
      return step.length == 0;
    }

    /** Whether the seeds differ anywhere, i.e. whether a band is worth drawing. */
    boolean hasSpread() {
      for (int i = 0; i < step.length; i++) {
        if (max[i] > min[i]) {
          return true;
        }
      }
      return false;
    }
  }

  /** The curve of {@code metric} for each of {@code cells}, in that order. */
  static List<Curve> of(Table steps, List<String> cells, String metric) {
    Set<String> wanted = Set.copyOf(cells);
    StringColumn cellColumn = steps.stringColumn("cell");
    IntColumn stepColumn = steps.intColumn("step");
    DoubleColumn values = steps.doubleColumn(metric);
    Map<String, TreeMap<Integer, double[]>> byCell = new LinkedHashMap<>();
    for (int row = 0; row < steps.rowCount(); row++) {
      double v = values.getDouble(row);
      String cell = cellColumn.get(row);
      if (!Double.isFinite(v) || !wanted.contains(cell)) {
        continue;
      }
      // {sum, count, min, max}
      double[] acc =
          byCell
              .computeIfAbsent(cell, c -> new TreeMap<>())
              .computeIfAbsent(
                  stepColumn.getInt(row),
                  s -> new double[] {0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
      acc[0] += v;
      acc[1]++;
      acc[2] = Math.min(acc[2], v);
      acc[3] = Math.max(acc[3], v);
    }
    List<Curve> curves = new ArrayList<>();
    for (String cell : cells) {
      TreeMap<Integer, double[]> points = byCell.getOrDefault(cell, new TreeMap<>());
      int n = points.size();
      double[] step = new double[n];
      double[] mean = new double[n];
      double[] min = new double[n];
      double[] max = new double[n];
      int i = 0;
      for (Map.Entry<Integer, double[]> e : points.entrySet()) {
        double[] acc = e.getValue();
        step[i] = e.getKey();
        mean[i] = acc[0] / acc[1];
        min[i] = acc[2];
        max[i] = acc[3];
        i++;
      }
      curves.add(new Curve(cell, step, mean, min, max));
    }
    return curves;
  }
}
