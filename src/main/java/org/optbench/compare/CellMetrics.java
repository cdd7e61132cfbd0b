package org.optbench.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The values {@code compare} checks, per run, grouped by cell (all seeds of one grid point), from
 * one side's {@code runs.csv} and its steps to target ({@link StepsToTarget}).
 */
final class CellMetrics {

  /**
   * One run.
   *
   * @param seed the run's seed
   * @param pairKey what a run must share with a run of the other side to pair with it: its seed
   *     and the data, initial-weight and batch-order seeds derived from it
   * @param diverged whether the run diverged
   * @param values metric name → value ({@link org.optbench.spec.RegressionSection#METRICS} except
   *     diverged; steps_per_second divided by its side's {@link Throughput#reference})
   * @param axes the cell's workload, optimizer and clipping names, for grouping and filtering
   * @param stepsDone the steps the run trained ({@code steps_done}): where its last loss lies
   */
  record Run(String runId, String label, long seed, String pairKey, boolean diverged,
      Map<String, Double> values, Axes axes, int stepsDone) {}

  /** The names a reader filters a comparison by (runs.csv {@code workload, optimizer, clip}). */
  record Axes(String workload, String optimizer, String clip) {}

  private static final List<String> DOUBLES =
      List.of("final_loss", "final_loss_avg", "best_loss", "final_eval_loss", "final_accuracy");

  private CellMetrics() {}

  /** Cell key → runs, in file order; {@code reach} is run id → steps to target. */
  static Map<String, List<Run>> read(Table runs, Map<String, Double> reach) {
    Map<String, List<Run>> byCell = new LinkedHashMap<>();
    double throughput = Throughput.reference(runs);
    for (int row = 0; row < runs.rowCount(); row++) {
      String id = runs.stringColumn("run_id").get(row);
      Map<String, Double> values = new LinkedHashMap<>();
      for (String column : DOUBLES) {
        values.put(column, runs.doubleColumn(column).getDouble(row));
      }
      values.put("steps_to_target", reach.getOrDefault(id, Double.NaN));
      values.put("steps_per_second",
          runs.doubleColumn("steps_per_second").getDouble(row) / throughput);
      values.put("optimizer_state_bytes",
          (double) runs.longColumn("optimizer_state_bytes").get(row));
      long seed = runs.longColumn("seed").get(row);
      String pairKey = seed + "/" + runs.longColumn("data_seed").get(row) + "/"
          + runs.longColumn("init_seed").get(row) + "/" + runs.longColumn("order_seed").get(row);
      byCell
          .computeIfAbsent(cellKey(runs, row), k -> new ArrayList<>())
          .add(new Run(id, runs.stringColumn("cell").get(row), seed, pairKey,
              runs.booleanColumn("diverged").get(row), values, axes(runs, row),
              runs.intColumn("steps_done").getInt(row)));
    }
    return byCell;
  }

  private static Axes axes(Table runs, int row) {
    return new Axes(runs.stringColumn("workload").get(row), runs.stringColumn("optimizer").get(row),
        runs.stringColumn("clip_method").get(row));
  }

  /**
   * What identifies a cell across result sets: every axis value and configuration except the seed,
   * and the step count. (The run id includes the seed; the label abbreviates.)
   */
  static String cellKey(Table runs, int row) {
    List<String> parts = new ArrayList<>();
    for (String column :
        List.of("workload", "workload_config", "optimizer", "optimizer_config", "clip_method",
            "clip_config", "schedule", "schedule_config", "engine")) {
      // "clip": the column's name when baselines' keys (targets.csv cell_key) were first written.
      String key = column.equals("clip_method") ? "clip" : column;
      parts.add(key + "=" + runs.stringColumn(column).get(row));
    }
    parts.add("steps=" + runs.intColumn("steps").get(row));
    return String.join("|", parts);
  }
}
