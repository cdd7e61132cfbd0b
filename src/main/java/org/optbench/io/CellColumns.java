package org.optbench.io;

import static tech.tablesaw.api.ColumnType.LONG;
import static tech.tablesaw.api.ColumnType.STRING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.optbench.spec.Cell;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * The columns that identify a run, leading every row of {@code runs.csv}, {@code samples.csv},
 * {@code crosscheck.csv} and the {@code steps.csv} export, so that a reader can group and plot
 * any file without a join. {@code runs.csv} and {@code steps.csv} follow them with one column per
 * hyperparameter ({@link HyperparameterColumns}).
 *
 * <p>The {@code *_config} columns stay beside the hyperparameter columns: each is the exact
 * identity of a component ({@code Component.config}), which {@code compare}, {@code claims} and
 * the baselines match cells by across result sets whose grids (and so hyperparameter columns)
 * differ, and which result sets of schema version 1 hold as their only record of the settings.
 */
final class CellColumns {

  static final ColumnSchema SCHEMA =
      ColumnSchema.builder()
          .add("run_id", STRING, "the run's id: a hash of its cell, seed and engine")
          .add("experiment", STRING, "the spec's name")
          .add("cell", STRING, "a readable label of the run: workload · optimizer · clip · engine")
          .add("workload", STRING, "the workload's model name in the spec")
          .add("workload_config", STRING,
              "every workload setting as k=v,k=v (the workload's identity; see workload_*)")
          .missing("when the component has no settings (clip none, schedule constant)")
          .add("optimizer", STRING, "the optimizer's spec name")
          .add("optimizer_config", STRING,
              "every optimizer setting as k=v,k=v, parameter groups included (see optimizer_*)")
          .missing("when the component has no settings (clip none, schedule constant)")
          .add("clip_method", STRING, "the gradient clipping method's spec name (none: no clipping)")
          .add("clip_config", STRING, "every clipping setting as k=v,k=v (see clip_*)")
          .missing("when the component has no settings (clip none, schedule constant)")
          .add("schedule", STRING, "the learning-rate schedule's spec name")
          .add("schedule_config", STRING, "every schedule setting as k=v,k=v (see schedule_*)")
          .missing("when the component has no settings (clip none, schedule constant)")
          .add("seed", LONG, "the seed of the run, from the spec's seeds")
          .add("engine", STRING, "the engine that trained the run (djl, native)")
          .build();

  private CellColumns() {}

  /** The identifying columns of {@code cell}, each repeating its value on {@code rows} rows. */
  static List<Column<?>> of(String experiment, Cell cell, int rows) {
    return List.of(
        text("run_id", cell.runId(), rows),
        text("experiment", experiment, rows),
        text("cell", cell.label(), rows),
        text("workload", cell.workload().name(), rows),
        text("workload_config", cell.workload().config(), rows),
        text("optimizer", cell.optimizer().name(), rows),
        text("optimizer_config", cell.optimizer().config(), rows),
        text("clip_method", cell.clip().name(), rows),
        text("clip_config", cell.clip().config(), rows),
        text("schedule", cell.schedule().name(), rows),
        text("schedule_config", cell.schedule().config(), rows),
        LongColumn.create("seed", repeat(cell.seed(), rows)),
        text("engine", cell.engine(), rows));
  }

  /**
   * The identifying columns followed by the cell's hyperparameter columns, as text (so that a
   * number is written as the decimal the spec's value reads as; readers type them by {@link
   * HyperparameterColumns#type}).
   */
  static List<Column<?>> withHyperparameters(String experiment, Cell cell, int rows) {
    List<Column<?>> columns = new ArrayList<>(of(experiment, cell, rows));
    Map<String, String> values = HyperparameterColumns.values(cell);
    for (String name : HyperparameterColumns.ordered(values.keySet())) {
      columns.add(text(name, values.get(name), rows));
    }
    return columns;
  }

  private static StringColumn text(String name, String value, int rows) {
    String[] values = new String[rows];
    Arrays.fill(values, value);
    return StringColumn.create(name, values);
  }

  private static long[] repeat(long value, int rows) {
    long[] values = new long[rows];
    Arrays.fill(values, value);
    return values;
  }
}
