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
import tech.tablesaw.api.ColumnType;
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

  /**
   * The fixed columns of {@code runs.csv}, in file order; the hyperparameter columns of the grid
   * ({@link HyperparameterColumns}) stand between the identifying columns and {@code steps}.
   */
  public static final ColumnSchema SCHEMA =
      CellColumns.SCHEMA.plus(
          ColumnSchema.builder()
              .add("steps", INTEGER, "steps", "the steps the spec asks of the run")
              .add("steps_done", INTEGER, "steps", "the steps the run trained (fewer when it"
                  + " diverged or stopped early)")
              .add("final_loss", DOUBLE, "loss", "training loss at the last step")
              .nan("when the run diverged (the loss was not a number)")
              .add("best_loss", DOUBLE, "loss", "lowest training loss of any step")
              .nan("when no step had a finite loss")
              .add("final_loss_avg", DOUBLE, "loss",
                  "mean training loss over the last 10% of the steps done")
              .nan("when the run diverged")
              .add("final_eval_loss", DOUBLE, "loss", "held-out loss at the last evaluation")
              .missing("when the run had no evaluation with a finite loss")
              .add("final_accuracy", DOUBLE, "fraction", "held-out accuracy at the last evaluation")
              .missing("for workloads without accuracy (regression) or runs without evaluation")
              .add("diverged", BOOLEAN, "whether a loss, gradient norm, evaluation or parameter"
                  + " was not finite")
              .add("diverged_step", INTEGER, "step", "the step at which the run diverged")
              .missing("when the run did not diverge")
              .add("steps_per_second", DOUBLE, "1/s", "training steps per wall-clock second")
              .missing("when the run took no measurable time")
              .add("wall_seconds", DOUBLE, "s", "wall-clock time of the training loop")
              .add("eval_seconds", DOUBLE, "s", "wall-clock time spent evaluating")
              .add("warmup_seconds", DOUBLE, "s", "wall-clock time of the untimed warm-up steps")
              .add("param_count", LONG, "parameters", "trainable parameters of the model")
              .add("param_bytes", LONG, "bytes", "bytes of the trainable parameters")
              .add("optimizer_state_bytes", LONG, "bytes", "bytes of the optimizer's state")
              .add("clipped_fraction", DOUBLE, "fraction", "share of steps whose gradient was"
                  + " clipped")
              .add(RunArtifacts.EXAMPLES_PER_SECOND, DOUBLE, "1/s", "training examples per second")
              .missing("for workloads that do not count examples")
              .add(RunArtifacts.TOKENS_PER_SECOND, DOUBLE, "1/s", "training tokens per second")
              .missing("for workloads that are not language models")
              .add(RunArtifacts.EVAL_BITS_PER_TOKEN, DOUBLE, "bits",
                  "held-out loss in bits per token (loss / ln 2)")
              .missing("for workloads that are not language models")
              .add(RunArtifacts.EVAL_PERPLEXITY, DOUBLE, "", "held-out perplexity (exp of the loss)")
              .missing("for workloads that are not language models")
              .add("data_seed", LONG, "the seed of the data set")
              .add("init_seed", LONG, "the seed of the model's initial weights")
              .add("order_seed", LONG, "the seed of the batch order")
              .add("role", STRING, "grid for a grid cell; tuning runs: trial or final")
              .optional()
              .add("solver", STRING, "the tuning solver that proposed the run")
              .optional()
              .missing("for grid cells")
              .add("study", INTEGER, "", "the tuning study the run belongs to")
              .optional()
              .missing("for grid cells")
              .add("trial", INTEGER, "", "the trial's index within its study")
              .optional()
              .missing("for grid cells")
              .add(STEPS_RECORDED, INTEGER, "rows", "the rows of the run in steps.parquet:"
                  + " steps_done, or fewer under the spec's record_every")
              .optional()
              .build());

  private RunsTable() {}

  /**
   * The single row of one run. (Columns get one-element arrays: Tablesaw's {@code create(name,
   * int)} takes a capacity, not a value.)
   */
  public static Table of(String experiment, RunResult run) {
    RunSummary s = run.summary();
    List<Column<?>> columns =
        new ArrayList<>(CellColumns.withHyperparameters(experiment, s.cell(), 1));
    columns.add(IntColumn.create("steps", new int[] {s.cell().steps()}));
    columns.add(IntColumn.create("steps_done", new int[] {s.stepsDone()}));
    columns.add(DoubleColumn.create("final_loss", new double[] {s.finalLoss()}));
    columns.add(DoubleColumn.create("best_loss", new double[] {s.bestLoss()}));
    columns.add(DoubleColumn.create("final_loss_avg", new double[] {s.finalLossAvg()}));
    columns.add(DoubleColumn.create("final_eval_loss", new double[] {s.finalEvalLoss()}));
    columns.add(DoubleColumn.create("final_accuracy", new double[] {s.finalAccuracy()}));
    columns.add(BooleanColumn.create("diverged", new boolean[] {s.diverged()}));
    columns.add(missingIfNegative("diverged_step", s.divergedStep()));
    columns.add(DoubleColumn.create("steps_per_second", new double[] {s.stepsPerSecond()}));
    columns.add(DoubleColumn.create("wall_seconds", new double[] {s.wallSeconds()}));
    columns.add(DoubleColumn.create("eval_seconds", new double[] {s.evalSeconds()}));
    columns.add(DoubleColumn.create("warmup_seconds", new double[] {s.warmupSeconds()}));
    columns.add(LongColumn.create("param_count", new long[] {s.paramCount()}));
    columns.add(LongColumn.create("param_bytes", new long[] {s.paramBytes()}));
    columns.add(LongColumn.create("optimizer_state_bytes", new long[] {s.optimizerStateBytes()}));
    columns.add(DoubleColumn.create("clipped_fraction", new double[] {s.clippedFraction()}));
    // Workload-specific throughput and language-model metrics; missing where they do not apply.
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
    columns.add(missingIfNegative("study", trial.study()));
    columns.add(missingIfNegative("trial", trial.index()));
    columns.add(IntColumn.create(STEPS_RECORDED, new int[] {run.steps().size()}));
    return Table.create(ResultFiles.RUNS, columns);
  }

  /**
   * A one-row column holding {@code value}, or a missing value (written as an empty cell) for the
   * -1 that the run's records use for "none".
   */
  private static IntColumn missingIfNegative(String name, int value) {
    IntColumn column = IntColumn.create(name);
    return value < 0 ? column.appendMissing() : column.append(value);
  }

  /**
   * The type of a hyperparameter column ({@code optimizer_lr}, {@code clip_max_norm}: {@link
   * HyperparameterColumns}), or empty when {@code column} is none.
   */
  public static java.util.Optional<ColumnType> hyperparameterType(String column) {
    return HyperparameterColumns.type(column);
  }

  /**
   * Rows made by {@link #of} as one table, as {@code runs.csv} would read back: the union of
   * their hyperparameter columns, typed as {@link CsvTableReader} types them.
   */
  public static Table join(List<Table> rows) {
    List<Table> typed = new ArrayList<>(List.of(SCHEMA.emptyTable(ResultFiles.RUNS)));
    for (Table row : rows) {
      Table copy = row.copy();
      for (Column<?> column : row.columns()) {
        if (HyperparameterColumns.is(column.name()) && column instanceof StringColumn text) {
          copy.replaceColumn(column.name(), HyperparameterColumns.typed(text));
        }
      }
      typed.add(copy);
    }
    return RunsLayout.join(ResultFiles.RUNS, typed);
  }

  /**
   * The rows of the runs' parts ({@link #of} written as CSV, possibly by an earlier version) as
   * one {@code runs.csv} table with the union of their hyperparameter columns ({@link
   * RunsLayout}).
   */
  static Table join(List<java.nio.file.Path> parts, String fix) {
    // The schema's empty table first: every fixed column is in the file, even with no runs.
    List<Table> rows = new ArrayList<>(List.of(SCHEMA.emptyTable(ResultFiles.RUNS)));
    for (java.nio.file.Path part : parts) {
      rows.add(CsvTableReader.read(part, SCHEMA, ReadLimits.TABLE_BYTES, fix).table());
    }
    return RunsLayout.join(ResultFiles.RUNS, rows);
  }

  /** The step rows run {@code row} of a runs table should have ({@link #STEPS_RECORDED}). */
  public static int recordedSteps(Table runs, int row) {
    if (runs.containsColumn(STEPS_RECORDED) && !runs.intColumn(STEPS_RECORDED).isMissing(row)) {
      return runs.intColumn(STEPS_RECORDED).getInt(row);
    }
    return runs.intColumn("steps_done").getInt(row);
  }
}
