package org.optbench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.optbench.io.AtomicFiles;
import org.optbench.io.IoConsumer;
import org.optbench.io.OutputLocations;
import org.optbench.io.PublishedRuns;
import org.optbench.io.ResultFiles;
import org.optbench.io.TargetsTable;
import org.optbench.metrics.TargetReach;
import org.optbench.spec.RegressionSection;
import org.optbench.stats.SeedStatistics;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A baseline, {@code results/baselines/<experiment>/}: the small part of a trusted result set that
 * {@code compare} needs, small enough to commit. No {@code steps.csv}:
 *
 * <pre>
 * manifest.json   the result set's manifest (spec text, versions, machine)
 * runs.csv        its runs.csv, one row per run
 * targets.csv     per run: cell key, the cell's target loss, steps to reach it ({@link TargetReach})
 * cells.csv       per cell: seed means of what compare checks (finite values) and how many
 *                 runs diverged, for people reading the diff of a baseline update
 * </pre>
 */
public final class Baseline {

  static final String TARGETS = TargetsTable.FILE;
  static final String CELLS = "cells.csv";

  /** The files a baseline consists of: the only ones {@link #write} replaces. */
  static final Set<String> OWN_FILES = Set.of(ResultFiles.MANIFEST, ResultFiles.RUNS, TARGETS, CELLS);

  private Baseline() {}

  /**
   * Writes the baseline of the result set in {@code results} to {@code target}, replacing an
   * earlier baseline there (baselines live in version control, which keeps their history). Only
   * the four files above are replaced, all or none of them ({@link AtomicFiles#writeAll}); any
   * other file in {@code target} is left as it is.
   *
   * @return the entries of {@code target} that optbench did not write, kept
   */
  public static List<Path> write(Path results, Path target) throws IOException {
    for (String name : List.of(ResultFiles.MANIFEST, ResultFiles.RUNS)) {
      if (!Files.isRegularFile(results.resolve(name))) {
        throw new java.io.FileNotFoundException(results + " has no " + name + "; pass a complete result set");
      }
    }
    if (!ResultFiles.hasSteps(results)) {
      throw new java.io.FileNotFoundException(results + " has no " + ResultFiles.STEPS_PARQUET
          + " (nor " + ResultFiles.STEPS + "); pass a complete result set");
    }
    Table runs = PublishedRuns.runs(results);
    Map<String, TargetReach.Curve> curves = StepsToTarget.curves(results);
    Map<String, Double> targets = StepsToTarget.targetsOf(runs, curves);
    Map<String, Double> reach = StepsToTarget.reachOf(runs, curves, targets);
    StringColumn runId = StringColumn.create("run_id");
    StringColumn cellKey = StringColumn.create("cell_key");
    DoubleColumn targetLoss = DoubleColumn.create("target_loss");
    DoubleColumn steps = DoubleColumn.create("steps_to_target");
    for (int row = 0; row < runs.rowCount(); row++) {
      String id = runs.stringColumn("run_id").get(row);
      String key = CellMetrics.cellKey(runs, row);
      runId.append(id);
      cellKey.append(key);
      targetLoss.append(targets.get(key));
      steps.append(reach.getOrDefault(id, Double.NaN));
    }

    Table targetsTable = Table.create(TARGETS, runId, cellKey, targetLoss, steps);
    Table cellsTable = summary(runs, targets, reach);
    Map<Path, IoConsumer<Path>> files = new LinkedHashMap<>();
    files.put(target.resolve(ResultFiles.RUNS),
        temp -> Files.copy(results.resolve(ResultFiles.RUNS), temp, StandardCopyOption.REPLACE_EXISTING));
    files.put(target.resolve(TARGETS), temp -> PublishedRuns.writeCsv(targetsTable, temp));
    files.put(target.resolve(CELLS), temp -> PublishedRuns.writeCsv(cellsTable, temp));
    // The manifest last: a reader that sees the new manifest sees the new tables.
    files.put(target.resolve(ResultFiles.MANIFEST),
        temp -> Files.copy(results.resolve(ResultFiles.MANIFEST), temp, StandardCopyOption.REPLACE_EXISTING));
    AtomicFiles.writeAll(files);
    return OutputLocations.foreignEntries(target, OWN_FILES);
  }

  /**
   * What stops {@link #write} from writing the baseline folder {@code target}, or empty: a file
   * where the folder or one of its files should be, or a folder that cannot be written.
   */
  public static Optional<String> problem(Path target) {
    Optional<String> folder = OutputLocations.folderProblem(target);
    if (folder.isPresent()) {
      return folder;
    }
    for (String name : OWN_FILES) {
      Optional<String> file = OutputLocations.fileProblem(target.resolve(name));
      if (file.isPresent()) {
        return file;
      }
    }
    return Optional.empty();
  }

  /**
   * The per-cell seed means written to {@code cells.csv}; diverged: how many; steps/s relative
   * to the median of the result set ({@link Throughput}).
   */
  private static Table summary(Table runs, Map<String, Double> targets, Map<String, Double> reach) {
    StringColumn cell = StringColumn.create("cell");
    IntColumn seeds = IntColumn.create("seeds");
    DoubleColumn target = DoubleColumn.create("target_loss");
    Map<String, DoubleColumn> means = new LinkedHashMap<>();
    for (String metric : RegressionSection.METRICS) {
      means.put(metric, DoubleColumn.create(switch (metric) {
        case "diverged" -> "diverged_runs";
        case "steps_per_second" -> "mean_relative_steps_per_second";
        default -> "mean_" + metric;
      }));
    }
    for (var entry : CellMetrics.read(runs, reach).entrySet()) {
      List<CellMetrics.Run> cellRuns = entry.getValue();
      cell.append(cellRuns.get(0).label());
      seeds.append(cellRuns.size());
      target.append(targets.get(entry.getKey()));
      for (var metric : means.entrySet()) {
        metric.getValue().append(metric.getKey().equals("diverged")
            ? cellRuns.stream().filter(CellMetrics.Run::diverged).count()
            : SeedStatistics.mean(cellRuns.stream()
                .mapToDouble(r -> r.values().get(metric.getKey())).filter(Double::isFinite)
                .toArray(), IntervalJudge.LEVEL).value());
      }
    }
    Table table = Table.create(CELLS, cell, seeds, target);
    means.values().forEach(table::addColumns);
    return table;
  }
}
