package org.optbench.io;

import static tech.tablesaw.api.ColumnType.BOOLEAN;
import static tech.tablesaw.api.ColumnType.DOUBLE;
import static tech.tablesaw.api.ColumnType.INTEGER;
import static tech.tablesaw.api.ColumnType.LONG;
import static tech.tablesaw.api.ColumnType.STRING;

import java.util.ArrayList;
import java.util.List;
import org.optbench.metrics.RunArtifacts;
import org.optbench.metrics.RunResult;
import org.optbench.metrics.RunSummary;
import org.optbench.spec.RunSeeds;
import org.optbench.spec.Trial;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** {@code runs.csv}: one row per run, the run's identifying columns first. */
public final class RunsTable {

  /**
   * How many of a run's steps its step table holds: {@code steps_done}, or fewer under a spec's
   * {@code record_every}. Absent from result sets written before that setting existed.
   */
  public static final String STEPS_RECORDED = "steps_recorded";

  /** The columns of {@code runs.csv}, in file order. */
  public static final ColumnSchema SCHEMA =
      CellColumns.SCHEMA.plus(
          ColumnSchema.builder()
              .add("steps", INTEGER)
              .add("steps_done", INTEGER)
              .add("final_loss", DOUBLE)
              .add("best_loss", DOUBLE)
              .add("final_loss_avg", DOUBLE)
              .add("final_eval_loss", DOUBLE)
              .add("final_accuracy", DOUBLE)
              .add("diverged", BOOLEAN)
              .add("diverged_step", INTEGER)
              .add("steps_per_second", DOUBLE)
              .add("wall_seconds", DOUBLE)
              .add("eval_seconds", DOUBLE)
              .add("warmup_seconds", DOUBLE)
              .add("param_count", LONG)
              .add("param_bytes", LONG)
              .add("optimizer_state_bytes", LONG)
              .add("clipped_fraction", DOUBLE)
              .add("examples_per_second", DOUBLE)
              .add("tokens_per_second", DOUBLE)
              .add("eval_bits_per_token", DOUBLE)
              .add("eval_perplexity", DOUBLE)
              .add("data_seed", LONG)
              .add("init_seed", LONG)
              .add("order_seed", LONG)
              .optional("role", STRING)
              .optional("solver", STRING)
              .optional("study", INTEGER)
              .optional("trial", INTEGER)
              .optional(STEPS_RECORDED, INTEGER)
              .build());

  private RunsTable() {}

  /**
   * The single row of one run. (Columns get one-element arrays: Tablesaw's {@code create(name,
   * int)} takes a capacity, not a value.)
   */
  public static Table of(String experiment, RunResult run) {
    RunSummary s = run.summary();
    List<Column<?>> columns = new ArrayList<>(CellColumns.of(experiment, s.cell(), 1));
    columns.add(IntColumn.create("steps", new int[] {s.cell().steps()}));
    columns.add(IntColumn.create("steps_done", new int[] {s.stepsDone()}));
    columns.add(DoubleColumn.create("final_loss", new double[] {s.finalLoss()}));
    columns.add(DoubleColumn.create("best_loss", new double[] {s.bestLoss()}));
    columns.add(DoubleColumn.create("final_loss_avg", new double[] {s.finalLossAvg()}));
    columns.add(DoubleColumn.create("final_eval_loss", new double[] {s.finalEvalLoss()}));
    columns.add(DoubleColumn.create("final_accuracy", new double[] {s.finalAccuracy()}));
    columns.add(BooleanColumn.create("diverged", new boolean[] {s.diverged()}));
    columns.add(IntColumn.create("diverged_step", new int[] {s.divergedStep()}));
    columns.add(DoubleColumn.create("steps_per_second", new double[] {s.stepsPerSecond()}));
    columns.add(DoubleColumn.create("wall_seconds", new double[] {s.wallSeconds()}));
    columns.add(DoubleColumn.create("eval_seconds", new double[] {s.evalSeconds()}));
    columns.add(DoubleColumn.create("warmup_seconds", new double[] {s.warmupSeconds()}));
    columns.add(LongColumn.create("param_count", new long[] {s.paramCount()}));
    columns.add(LongColumn.create("param_bytes", new long[] {s.paramBytes()}));
    columns.add(LongColumn.create("optimizer_state_bytes", new long[] {s.optimizerStateBytes()}));
    columns.add(DoubleColumn.create("clipped_fraction", new double[] {s.clippedFraction()}));
    // Workload-specific throughput and language-model metrics; NaN where they do not apply.
    for (String key : List.of(RunArtifacts.EXAMPLES_PER_SECOND, RunArtifacts.TOKENS_PER_SECOND,
        RunArtifacts.EVAL_BITS_PER_TOKEN, RunArtifacts.EVAL_PERPLEXITY)) {
      double value = run.artifacts().metrics().getOrDefault(key, Double.NaN);
      columns.add(DoubleColumn.create(key, new double[] {value}));
    }
    RunSeeds seeds = s.cell().seeds();
    columns.add(LongColumn.create("data_seed", new long[] {seeds.data()}));
    columns.add(LongColumn.create("init_seed", new long[] {seeds.init()}));
    columns.add(LongColumn.create("order_seed", new long[] {seeds.order()}));
    // Tuning: which study and trial a run is (grid cells: role grid, study and trial -1).
    Trial trial = s.cell().trial();
    columns.add(StringColumn.create("role", new String[] {trial.role().word()}));
    columns.add(StringColumn.create("solver", new String[] {trial.solver()}));
    columns.add(IntColumn.create("study", new int[] {trial.study()}));
    columns.add(IntColumn.create("trial", new int[] {trial.index()}));
    columns.add(IntColumn.create(STEPS_RECORDED, new int[] {run.steps().size()}));
    return Table.create(ResultFiles.RUNS, columns);
  }

  /** The step rows run {@code row} of a runs table should have ({@link #STEPS_RECORDED}). */
  public static int recordedSteps(Table runs, int row) {
    if (runs.containsColumn(STEPS_RECORDED) && !runs.intColumn(STEPS_RECORDED).isMissing(row)) {
      return runs.intColumn(STEPS_RECORDED).getInt(row);
    }
    return runs.intColumn("steps_done").getInt(row);
  }
}
