package org.optbench.io;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * Checks the rows of a {@code runs.csv} (a result set's, a baseline's, or one run's part in the
 * cell store) beyond their types: run ids present and unique, step counts within range, byte
 * counts not negative, and, against its manifest, the same experiment and the counts the manifest
 * states. A duplicated row would otherwise count twice in every median; a negative
 * {@code steps_done} or a step count of two billion would reach the report's arrays.
 */
final class RunsCheck {

  private RunsCheck() {}

  /**
   * Reads and checks {@code dir/runs.csv} against {@code manifest}.
   *
   * @param fix what the user can do about a damaged file, appended to every message
   */
  static ReadTable read(Path dir, Manifest manifest, String fix) {
    ReadTable runs =
        CsvTableReader.read(
            dir.resolve(ResultFiles.RUNS), RunsTable.SCHEMA, ReadLimits.TABLE_BYTES, fix);
    rows(runs, fix);
    againstManifest(runs, manifest, fix);
    return runs;
  }

  /** Checks each row on its own and run ids across rows. */
  static void rows(ReadTable runs, String fix) {
    Table t = runs.table();
    Map<String, Integer> firstLine = new HashMap<>();
    for (int row = 0; row < t.rowCount(); row++) {
      String id = t.stringColumn("run_id").get(row);
      if (id.isEmpty()) {
        throw bad(runs, row, "run_id", "empty; every run needs its id", fix);
      }
      Integer earlier = firstLine.putIfAbsent(id, runs.line(row));
      if (earlier != null) {
        throw bad(runs, row, "run_id", "run " + id + " appears again (first on line " + earlier
            + "); a run is one row", fix);
      }
      int steps = t.intColumn("steps").getInt(row);
      if (steps < 1) {
        throw bad(runs, row, "steps", steps + ", but a run has at least 1 step", fix);
      }
      int done = t.intColumn("steps_done").getInt(row);
      if (done < 0 || done > steps) {
        throw bad(runs, row, "steps_done", done + " is outside 0.." + steps + " (the run's steps)",
            fix);
      }
      int recorded = RunsTable.recordedSteps(t, row);
      if (recorded < 0 || recorded > done) {
        throw bad(runs, row, RunsTable.STEPS_RECORDED, recorded + " is outside 0.." + done
            + " (the steps the run trained)", fix);
      }
      if (!t.intColumn("diverged_step").isMissing(row)) {
        int divergedStep = t.intColumn("diverged_step").getInt(row);
        if (divergedStep < 0 || divergedStep > steps) {
          throw bad(runs, row, "diverged_step", divergedStep + " is neither empty (not diverged)"
              + " nor a step in 0.." + steps, fix);
        }
      }
      for (String count : new String[] {"param_count", "param_bytes", "optimizer_state_bytes"}) {
        long value = t.longColumn(count).getLong(row);
        if (value < 0) {
          throw bad(runs, row, count, value + " is negative", fix);
        }
      }
    }
  }

  /** Checks that {@code runs} holds the experiment and the counts {@code manifest} states. */
  static void againstManifest(ReadTable runs, Manifest manifest, String fix) {
    Table t = runs.table();
    for (int row = 0; row < t.rowCount(); row++) {
      String experiment = t.stringColumn("experiment").get(row);
      if (!experiment.equals(manifest.experiment())) {
        throw bad(runs, row, "experiment", FileCheck.shown(experiment)
            + ", but manifest.json names '" + manifest.experiment() + "'", fix);
      }
    }
    if (t.rowCount() != manifest.runs()) {
      throw new ResultSetException(runs.file(), "holds " + t.rowCount()
          + " runs, but manifest.json counts " + manifest.runs() + "; " + fix);
    }
    long diverged = t.booleanColumn("diverged").countTrue();
    if (diverged != manifest.divergedRuns()) {
      throw new ResultSetException(runs.file(), "has " + diverged
          + " diverged runs, but manifest.json counts " + manifest.divergedRuns() + "; " + fix);
    }
  }

  /** The run ids of {@code runs}, which {@link #rows} found unique. */
  static Set<String> ids(ReadTable runs) {
    return new LinkedHashSet<>(runs.table().stringColumn("run_id").asList());
  }

  private static ResultSetException bad(
      ReadTable runs, int row, String column, String problem, String fix) {
    return new ResultSetException(runs.file(), runs.at(row, column) + ": " + problem + "; " + fix);
  }
}
