package org.optbench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optbench.io.PublishedRuns;
import org.optbench.io.ResultFiles;
import tech.tablesaw.api.Table;

/**
 * The metrics {@code compare} checks, per run, grouped by cell (all seeds of one grid point). Read
 * from a result set (with {@code steps.csv}) or from a baseline (with {@code targets.csv} instead).
 */
final class CellMetrics {

  /** One run's values, keyed by metric name ({@link org.optbench.spec.RegressionSection#METRICS}). */
  record Run(String runId, String cellKey, String label, Map<String, Double> values) {}

  private final Map<String, List<Run>> byCell = new LinkedHashMap<>();

  private CellMetrics() {}

  /** Cell key → runs, in file order. */
  Map<String, List<Run>> cells() {
    return byCell;
  }

  /**
   * Reads the runs of {@code dir}. {@code targets} (cell key → target loss, from the baseline)
   * decides steps-to-target; null reads a baseline's own stored steps-to-target.
   */
  static CellMetrics read(Path dir, Map<String, Double> targets) throws IOException {
    Table runs = PublishedRuns.runs(dir);
    Map<String, Double> reach = new HashMap<>();
    if (Files.isRegularFile(dir.resolve(ResultFiles.STEPS))) {
      Map<String, double[]> losses = Targets.lossesByRun(PublishedRuns.steps(dir));
      for (int row = 0; row < runs.rowCount(); row++) {
        String id = runs.stringColumn("run_id").get(row);
        Double target = targets == null ? null : targets.get(cellKey(runs, row));
        if (target != null && losses.containsKey(id)) {
          reach.put(id, Targets.stepsToTarget(losses.get(id), target));
        }
      }
    } else if (Files.isRegularFile(dir.resolve(Baseline.TARGETS))) {
      Table stored = Baseline.readTargets(dir);
      for (int row = 0; row < stored.rowCount(); row++) {
        String key = stored.stringColumn("cell_key").get(row);
        double own = stored.doubleColumn("target_loss").getDouble(row);
        Double wanted = targets == null ? Double.valueOf(own) : targets.get(key);
        if (wanted != null && Math.abs(wanted - own) <= 1e-9 * Math.max(1, Math.abs(own))) {
          reach.put(stored.stringColumn("run_id").get(row), stored.doubleColumn("steps_to_target").getDouble(row));
        }
      }
    }
    CellMetrics metrics = new CellMetrics();
    for (int row = 0; row < runs.rowCount(); row++) {
      String id = runs.stringColumn("run_id").get(row);
      Map<String, Double> values = new LinkedHashMap<>();
      values.put("final_loss", runs.doubleColumn("final_loss").getDouble(row));
      values.put("best_loss", runs.doubleColumn("best_loss").getDouble(row));
      values.put("final_accuracy", runs.doubleColumn("final_accuracy").getDouble(row));
      values.put("steps_to_target", reach.getOrDefault(id, Double.NaN));
      values.put("diverged_runs", runs.booleanColumn("diverged").get(row) ? 1.0 : 0.0);
      values.put("optimizer_state_bytes", (double) runs.longColumn("optimizer_state_bytes").get(row));
      values.put("steps_per_second", runs.doubleColumn("steps_per_second").getDouble(row));
      metrics.byCell
          .computeIfAbsent(cellKey(runs, row), k -> new ArrayList<>())
          .add(new Run(id, cellKey(runs, row), runs.stringColumn("cell").get(row), values));
    }
    return metrics;
  }

  /**
   * What identifies a cell across result sets: every axis value and configuration except the seed,
   * and the step count. (The run id includes the seed; the label abbreviates.)
   */
  static String cellKey(Table runs, int row) {
    List<String> parts = new ArrayList<>();
    for (String column :
        List.of("workload", "workload_config", "optimizer", "optimizer_config", "clip",
            "clip_config", "schedule", "schedule_config", "engine")) {
      parts.add(column + "=" + runs.stringColumn(column).get(row));
    }
    parts.add("steps=" + runs.intColumn("steps").get(row));
    return String.join("|", parts);
  }
}
