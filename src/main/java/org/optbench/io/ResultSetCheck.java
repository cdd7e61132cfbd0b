package org.optbench.io;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * Checks a result folder before anything trusts it: the folder itself, then each file's kind,
 * size and content ({@link FileCheck}, {@link ManifestCheck}, {@link CsvTableReader}), then the
 * files against each other ({@link RunsCheck}, {@link StepRows}). Every problem is one {@link
 * ResultSetException}: the file, the line and column or field, and what would fix it.
 *
 * <p>{@link ResultSet#read} and {@link ResultSeries#read} check everything they read this way;
 * the methods here serve commands that read a folder in pieces ({@code compare}, {@code baseline
 * update}) and check it whole first.
 */
public final class ResultSetCheck {

  private ResultSetCheck() {}

  /**
   * Checks a result set to be made a baseline: complete files, steps included, and at least one
   * run (an empty baseline would pass every later comparison).
   *
   * @return its manifest
   * @throws ResultSetException naming the file at fault
   */
  public static Manifest baselineSource(Path dir) {
    String fix = Remedies.RESULT_SET;
    folder(dir);
    Manifest manifest = ManifestJson.read(dir.resolve(ResultFiles.MANIFEST), fix);
    ReadTable runs = RunsCheck.read(dir, manifest, fix);
    requireRuns(runs, "a baseline of", fix);
    Path steps = ResultFiles.steps(dir);
    StepRows.of(StepSeries.read(steps, fix), steps).check(runs, fix);
    return manifest;
  }

  /**
   * Checks one side of a comparison: a result set (with {@code steps.csv}) or a baseline (with
   * {@code targets.csv} instead), holding at least one run ("0 regressions in 0 checks" must not
   * pass as a result).
   *
   * @return its manifest
   * @throws ResultSetException naming the file at fault
   */
  public static Manifest comparable(Path dir) {
    String fix = Remedies.forFolder(dir);
    folder(dir);
    Manifest manifest = ManifestJson.read(dir.resolve(ResultFiles.MANIFEST), fix);
    ReadTable runs = RunsCheck.read(dir, manifest, fix);
    requireRuns(runs, "a comparison with", fix);
    Path steps = ResultFiles.steps(dir);
    Path targets = dir.resolve(TargetsTable.FILE);
    if (present(steps) || !present(targets)) {
      // A result set; without targets.csv it is no baseline, so its steps are required.
      StepRows.of(StepSeries.read(steps, fix), steps).check(runs, fix);
    }
    if (present(targets)) {
      targets(dir, runs, fix);
    }
    return manifest;
  }

  /**
   * Fails unless {@code dir} is a folder that may hold a published result set: it exists, is a
   * folder, and is not a staging folder of {@link ResultSetWriter}.
   */
  static void folder(Path dir) {
    if (!Files.exists(dir)) {
      throw new ResultSetException(
          dir, "no such results folder; pass a folder written by optbench run, e.g."
              + " results/quickstart");
    }
    if (!Files.isDirectory(dir)) {
      throw new ResultSetException(
          dir, "is a file, not a results folder; pass the folder that holds manifest.json");
    }
    if (ResultFiles.isStaging(dir)) {
      throw new ResultSetException(
          dir, "is a result set still being written, or left by an interrupted run; read the"
              + " folder it is published as instead");
    }
  }

  /** Whether anything is at {@code file}: an optional file, once present, must be sound. */
  static boolean present(Path file) {
    return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
  }

  /** {@code dir/name} read and checked with {@code schema} if present; runs must be known. */
  static Optional<Table> optionalTable(
      Path dir, String name, ColumnSchema schema, Set<String> runIds, String fix) {
    Path file = dir.resolve(name);
    if (!present(file)) {
      return Optional.empty();
    }
    ReadTable read = CsvTableReader.read(file, schema, ReadLimits.TABLE_BYTES, fix);
    if (runIds != null) {
      knownRuns(read, runIds, fix);
    }
    return Optional.of(read.table());
  }

  /** Fails on a row whose run is not in {@code runs.csv}. */
  static void knownRuns(ReadTable table, Set<String> runIds, String fix) {
    for (int row = 0; row < table.rows(); row++) {
      String id = table.table().stringColumn("run_id").get(row);
      if (!runIds.contains(id)) {
        throw new ResultSetException(table.file(), table.at(row, "run_id") + ": run " + id
            + " is not in " + ResultFiles.RUNS + "; " + fix);
      }
    }
  }

  private static void requireRuns(ReadTable runs, String purpose, String fix) {
    if (runs.rows() == 0) {
      throw new ResultSetException(runs.file(), "holds no runs, and " + purpose
          + " an empty result set would check nothing; " + fix);
    }
  }

  /** A baseline's targets: one row per run of {@code runs.csv}, no other. */
  private static void targets(Path dir, ReadTable runs, String fix) {
    ReadTable targets =
        CsvTableReader.read(
            dir.resolve(TargetsTable.FILE), TargetsTable.SCHEMA, ReadLimits.TABLE_BYTES, fix);
    Set<String> ids = RunsCheck.ids(runs);
    knownRuns(targets, ids, fix);
    Set<String> seen = new HashSet<>();
    for (int row = 0; row < targets.rows(); row++) {
      String id = targets.table().stringColumn("run_id").get(row);
      if (!seen.add(id)) {
        throw new ResultSetException(targets.file(), targets.at(row, "run_id") + ": run " + id
            + " appears again; a run has one target row; " + fix);
      }
      double reach = targets.table().doubleColumn("steps_to_target").getDouble(row);
      if (reach < 0) {
        throw new ResultSetException(targets.file(), targets.at(row, "steps_to_target") + ": "
            + reach + " is negative; " + fix);
      }
    }
    if (seen.size() != ids.size()) {
      throw new ResultSetException(targets.file(), "has targets for " + seen.size() + " of the "
          + ids.size() + " runs in " + ResultFiles.RUNS + "; " + fix);
    }
  }
}
