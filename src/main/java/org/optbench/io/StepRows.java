package org.optbench.io;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * What {@code steps.csv} holds per run (rows, last step, where the run starts), to check it
 * against {@code runs.csv}: every step row belongs to a run listed there, no step lies beyond the
 * run's step count, and each run has exactly its {@code steps_recorded} rows ({@code steps_done}
 * unless the spec set {@code record_every}; fewer rows mean a cut file, more a duplicated block).
 */
final class StepRows {

  /** One run's rows: how many, its last step, and the line of its first row. */
  private record Run(int rows, int lastStep, int firstLine) {}

  private final Path file;
  private final Map<String, Run> runs;

  private StepRows(Path file, Map<String, Run> runs) {
    this.file = file;
    this.runs = runs;
  }

  /** The rows of a series read by {@link StepSeries#read}, which checked their order. */
  static StepRows of(StepSeries series, Path file) {
    Map<String, Run> runs = new LinkedHashMap<>();
    for (String id : series.runIds()) {
      StepSeries.Run run = series.run(id);
      runs.put(id, new Run(run.size(), run.lastStep(), run.firstLine()));
    }
    return new StepRows(file, runs);
  }

  /** The rows of a steps table, checking that steps are non-negative and rise within a run. */
  static StepRows of(ReadTable steps, String fix) {
    Table t = steps.table();
    Map<String, Run> runs = new LinkedHashMap<>();
    for (int row = 0; row < t.rowCount(); row++) {
      String id = t.stringColumn("run_id").get(row);
      int step = t.intColumn("step").getInt(row);
      if (step < 0) {
        throw new ResultSetException(
            steps.file(), steps.at(row, "step") + ": " + step + " is negative; " + fix);
      }
      Run run = runs.get(id);
      if (run != null && step <= run.lastStep()) {
        throw new ResultSetException(steps.file(), steps.at(row, "step") + ": step " + step
            + " of run " + id + " follows its step " + run.lastStep()
            + " (a repeated or reordered row); " + fix);
      }
      runs.put(id, run == null
          ? new Run(1, step, steps.line(row))
          : new Run(run.rows() + 1, step, run.firstLine()));
    }
    return new StepRows(steps.file(), runs);
  }

  /** Checks these rows against {@code runs.csv}. */
  void check(ReadTable runsTable, String fix) {
    Table t = runsTable.table();
    Map<String, Integer> rowOf = new LinkedHashMap<>();
    for (int row = 0; row < t.rowCount(); row++) {
      rowOf.put(t.stringColumn("run_id").get(row), row);
    }
    for (var entry : runs.entrySet()) {
      if (!rowOf.containsKey(entry.getKey())) {
        String where = ResultFiles.isParquet(file) ? "row " : "line ";
        throw new ResultSetException(file, where + entry.getValue().firstLine() + ": run "
            + entry.getKey() + " has step rows but no row in " + ResultFiles.RUNS + "; " + fix);
      }
    }
    for (var entry : rowOf.entrySet()) {
      int row = entry.getValue();
      Run run = runs.getOrDefault(entry.getKey(), new Run(0, -1, 0));
      int steps = t.intColumn("steps").getInt(row);
      if (run.lastStep() > steps) {
        throw new ResultSetException(file, "run " + entry.getKey() + " has step "
            + run.lastStep() + ", beyond its " + steps + " steps (" + ResultFiles.RUNS + " line "
            + runsTable.line(row) + "); " + fix);
      }
      int recorded = RunsTable.recordedSteps(t, row);
      if (run.rows() != recorded) {
        String column = t.containsColumn(RunsTable.STEPS_RECORDED) ? RunsTable.STEPS_RECORDED
            : "steps_done";
        throw new ResultSetException(file, "has " + run.rows() + " rows of run "
            + entry.getKey() + ", but " + ResultFiles.RUNS + " line " + runsTable.line(row)
            + " says " + column + " " + recorded + "; " + fix);
      }
    }
  }
}
