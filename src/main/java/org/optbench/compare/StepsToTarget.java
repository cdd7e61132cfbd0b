package org.optbench.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optbench.io.PublishedRuns;
import org.optbench.io.ResultFiles;
import org.optbench.io.ResultSeries;
import org.optbench.io.StepSeries;
import org.optbench.metrics.TargetReach;
import tech.tablesaw.api.Table;

/**
 * Steps to target ({@link TargetReach}) for {@code compare}: the baseline fixes each cell's target,
 * and every run on either side is measured against it. A run that never reaches the target counts
 * as {@code steps + 1}, so that it ranks after every run that did and a per-seed difference
 * exists.
 */
final class StepsToTarget {

  private StepsToTarget() {}

  /**
   * Cell key → target loss: a baseline's {@code targets.csv}, or for a result set computed from
   * its {@code steps.csv} (the seeds of each cell that did not diverge).
   */
  static Map<String, Double> targets(Path dir, Table runs) {
    Map<String, Double> targets = new LinkedHashMap<>();
    if (!ResultFiles.hasSteps(dir)) {
      Table stored = PublishedRuns.targets(dir);
      for (int row = 0; row < stored.rowCount(); row++) {
        targets.put(stored.stringColumn("cell_key").get(row),
            stored.doubleColumn("target_loss").getDouble(row));
      }
      return targets;
    }
    return targetsOf(runs, curves(dir));
  }

  /** Cell key → target from the curves of each cell's runs that did not diverge. */
  static Map<String, Double> targetsOf(Table runs, Map<String, TargetReach.Curve> curves) {
    Map<String, List<TargetReach.Curve>> byCell = new LinkedHashMap<>();
    for (int row = 0; row < runs.rowCount(); row++) {
      List<TargetReach.Curve> cell =
          byCell.computeIfAbsent(CellMetrics.cellKey(runs, row), k -> new ArrayList<>());
      TargetReach.Curve curve = curves.get(runs.stringColumn("run_id").get(row));
      if (curve != null && !runs.booleanColumn("diverged").get(row)) {
        cell.add(curve);
      }
    }
    Map<String, Double> targets = new LinkedHashMap<>();
    byCell.forEach((key, list) -> targets.put(key, TargetReach.target(list)));
    return targets;
  }

  /**
   * Run id → steps to target against {@code targets}: from {@code steps.csv}, or for a baseline
   * its stored values where its own target is the one asked for. NaN where the cell has no target.
   */
  static Map<String, Double> reach(Path dir, Table runs, Map<String, Double> targets) {
    if (ResultFiles.hasSteps(dir)) {
      return reachOf(runs, curves(dir), targets);
    }
    Map<String, Double> reach = new HashMap<>();
    Table stored = PublishedRuns.targets(dir);
    for (int row = 0; row < stored.rowCount(); row++) {
      Double wanted = targets.get(stored.stringColumn("cell_key").get(row));
      double own = stored.doubleColumn("target_loss").getDouble(row);
      if (wanted != null && wanted.equals(own)) {
        reach.put(stored.stringColumn("run_id").get(row),
            stored.doubleColumn("steps_to_target").getDouble(row));
      }
    }
    return reach;
  }

  /** Run id → steps to target of each run with a curve, {@code steps + 1} when never reached. */
  static Map<String, Double> reachOf(
      Table runs, Map<String, TargetReach.Curve> curves, Map<String, Double> targets) {
    Map<String, Double> reach = new HashMap<>();
    for (int row = 0; row < runs.rowCount(); row++) {
      String id = runs.stringColumn("run_id").get(row);
      Double target = targets.get(CellMetrics.cellKey(runs, row));
      TargetReach.Curve curve = curves.get(id);
      if (target == null || curve == null || target.isNaN()) {
        continue;
      }
      TargetReach.Reach r = TargetReach.reach(curve, target);
      reach.put(id, r.reached() ? r.step() : runs.intColumn("steps").getInt(row) + 1.0);
    }
    return reach;
  }

  /**
   * Run id → training-loss curve, from {@code dir/steps.csv}, read as the report reads it ({@link
   * ResultSeries}), so that both see the same numbers.
   */
  static Map<String, TargetReach.Curve> curves(Path dir) {
    StepSeries series = ResultSeries.read(dir).steps();
    Map<String, TargetReach.Curve> curves = new HashMap<>();
    for (String id : series.runIds()) {
      StepSeries.Run run = series.run(id);
      curves.put(id, new TargetReach.Curve(
          run.steps(), run.values("loss"), run.values("wall_ms"), run.size()));
    }
    return curves;
  }
}
