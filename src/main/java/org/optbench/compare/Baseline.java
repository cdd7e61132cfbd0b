package org.optbench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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
 * targets.csv     per run: cell key, the cell's target loss, steps to reach it
 * cells.csv       per cell: seed medians, for people reading the diff of a baseline update
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
    for (String name : List.of(ResultFiles.MANIFEST, ResultFiles.RUNS, ResultFiles.STEPS)) {
      if (!Files.isRegularFile(results.resolve(name))) {
        throw new java.io.FileNotFoundException(results + " has no " + name + "; pass a complete result set");
      }
    }
    Table runs = PublishedRuns.runs(results);
    Map<String, double[]> losses = Targets.lossesByRun(PublishedRuns.steps(results));
    Map<String, List<Integer>> rowsByCell = new LinkedHashMap<>();
    for (int row = 0; row < runs.rowCount(); row++) {
      rowsByCell.computeIfAbsent(CellMetrics.cellKey(runs, row), k -> new ArrayList<>()).add(row);
    }
    StringColumn runId = StringColumn.create("run_id");
    StringColumn cellKey = StringColumn.create("cell_key");
    DoubleColumn targetLoss = DoubleColumn.create("target_loss");
    DoubleColumn reach = DoubleColumn.create("steps_to_target");
    Map<String, Double> targets = new LinkedHashMap<>();
    for (var cell : rowsByCell.entrySet()) {
      List<double[]> curves = new ArrayList<>();
      for (int row : cell.getValue()) {
        curves.add(losses.getOrDefault(runs.stringColumn("run_id").get(row), new double[0]));
      }
      double t = Targets.target(curves);
      targets.put(cell.getKey(), t);
      for (int i = 0; i < curves.size(); i++) {
        runId.append(runs.stringColumn("run_id").get(cell.getValue().get(i)));
        cellKey.append(cell.getKey());
        targetLoss.append(t);
        reach.append(Targets.stepsToTarget(curves.get(i), t));
      }
    }

    Table targetsTable = Table.create(TARGETS, runId, cellKey, targetLoss, reach);
    Table cellsTable = summary(results, targets);
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

  /** The per-cell seed medians written to {@code cells.csv}. */
  private static Table summary(Path results, Map<String, Double> targets) throws IOException {
    CellMetrics metrics = CellMetrics.read(results, targets);
    StringColumn cell = StringColumn.create("cell");
    IntColumn seeds = IntColumn.create("seeds");
    DoubleColumn target = DoubleColumn.create("target_loss");
    Map<String, DoubleColumn> medians = new LinkedHashMap<>();
    for (String metric : org.optbench.spec.RegressionSection.METRICS) {
      medians.put(metric, DoubleColumn.create(metric.equals("diverged_runs") ? metric : "median_" + metric));
    }
    for (var entry : metrics.cells().entrySet()) {
      List<CellMetrics.Run> runs = entry.getValue();
      cell.append(runs.get(0).label());
      seeds.append(runs.size());
      target.append(targets.get(entry.getKey()));
      for (var metric : medians.entrySet()) {
        List<Double> values = runs.stream().map(r -> r.values().get(metric.getKey())).toList();
        metric.getValue().append(Comparison.aggregate(metric.getKey(), values));
      }
    }
    Table table = Table.create(CELLS, cell, seeds, target);
    medians.values().forEach(table::addColumns);
    return table;
  }

  static Table readTargets(Path dir) {
    return PublishedRuns.targets(dir);
  }
}
