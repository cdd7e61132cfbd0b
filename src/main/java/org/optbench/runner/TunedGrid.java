package org.optbench.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.optbench.metrics.RunSummary;
import org.optbench.spec.Cell;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.SelectMetric;
import org.optbench.spec.Trial;

/**
 * The second phase of a tuned grid: once every trial of a study has a result, the study's best
 * trial (by the protocol's {@code select} metric; the first of equals, so the choice is
 * deterministic) is rerun on each of the spec's seeds. Computed from results alone, so that a
 * run, a worker, a shard and {@code merge} all arrive at the same reruns.
 */
public final class TunedGrid {

  private TunedGrid() {}

  /**
   * The tuning unit of a cell: a study of one tuned optimizer on one workload, whose trials and
   * reruns belong together; a grid cell is a unit of its own.
   */
  public static String unit(Cell cell) {
    if (!cell.trial().tuned()) {
      return cell.runId();
    }
    return cell.workload().name() + "{" + cell.workload().config() + "}|" + cell.trial().unit();
  }

  /**
   * {@code cells} (a grid's or a shard's first phase) with each study's reruns after its last
   * trial, for every study whose trials all have a result in {@code results}; studies with a
   * trial still missing get none yet.
   */
  public static List<Cell> withReruns(ExperimentSpec spec, List<Cell> cells,
      Function<Cell, Optional<RunSummary>> results) {
    Map<String, List<Cell>> trials = new LinkedHashMap<>();
    for (Cell cell : cells) {
      if (cell.trial().role() == Trial.Role.TRIAL) {
        trials.computeIfAbsent(unit(cell), u -> new ArrayList<>()).add(cell);
      }
    }
    List<Cell> all = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      Cell cell = cells.get(i);
      all.add(cell);
      boolean lastOfUnit = cell.trial().role() == Trial.Role.TRIAL
          && (i + 1 == cells.size() || !unit(cells.get(i + 1)).equals(unit(cell)));
      if (lastOfUnit) {
        selected(spec, trials.get(unit(cell)), results)
            .ifPresent(best -> all.addAll(spec.reruns(best)));
      }
    }
    return all;
  }

  /** Only the reruns that {@link #withReruns} adds. */
  public static List<Cell> reruns(ExperimentSpec spec, List<Cell> cells,
      Function<Cell, Optional<RunSummary>> results) {
    return withReruns(spec, cells, results).stream()
        .filter(c -> c.trial().role() == Trial.Role.FINAL).toList();
  }

  /** The best of one study's trials, or empty while one of them has no result. */
  static Optional<Cell> selected(ExperimentSpec spec, List<Cell> trials,
      Function<Cell, Optional<RunSummary>> results) {
    SelectMetric metric = spec.tuning().settings().select();
    Cell best = null;
    double bestValue = Double.NaN;
    for (Cell trial : trials) {
      Optional<RunSummary> summary = results.apply(trial);
      if (summary.isEmpty()) {
        return Optional.empty();
      }
      double value = value(metric, summary.get());
      if (best == null || metric.better(value, bestValue)) {
        best = trial;
        bestValue = value;
      }
    }
    return Optional.ofNullable(best);
  }

  /** A trial's value of the select metric; NaN for a run that diverged. */
  static double value(SelectMetric metric, RunSummary s) {
    if (s.diverged()) {
      return Double.NaN;
    }
    return switch (metric) {
      case FINAL_EVAL_LOSS -> s.finalEvalLoss();
      case FINAL_ACCURACY -> s.finalAccuracy();
      case FINAL_LOSS_AVG -> s.finalLossAvg();
    };
  }
}
