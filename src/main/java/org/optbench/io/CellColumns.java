package org.optbench.io;

import static tech.tablesaw.api.ColumnType.DOUBLE;
import static tech.tablesaw.api.ColumnType.LONG;
import static tech.tablesaw.api.ColumnType.STRING;

import java.util.Arrays;
import java.util.List;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * The columns that identify a run, leading every row of {@code steps.csv} and {@code runs.csv} so
 * that a reader can group and plot any file without a join.
 */
final class CellColumns {

  static final ColumnSchema SCHEMA =
      ColumnSchema.builder()
          .add("run_id", STRING)
          .add("experiment", STRING)
          .add("cell", STRING)
          .add("workload", STRING)
          .add("workload_config", STRING)
          .add("optimizer", STRING)
          .add("optimizer_config", STRING)
          .add("lr", DOUBLE)
          .add("clip", STRING)
          .add("clip_config", STRING)
          .add("schedule", STRING)
          .add("schedule_config", STRING)
          .add("seed", LONG)
          .add("engine", STRING)
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
        number("lr", learningRate(cell.optimizer()), rows),
        text("clip", cell.clip().name(), rows),
        text("clip_config", cell.clip().config(), rows),
        text("schedule", cell.schedule().name(), rows),
        text("schedule_config", cell.schedule().config(), rows),
        LongColumn.create("seed", repeat(cell.seed(), rows)),
        text("engine", cell.engine(), rows));
  }

  /**
   * The optimizer's base learning rate, NaN when it has none or leaves it unset (Adafactor's
   * relative step), so that the column stays numeric for sorting and plotting.
   */
  static double learningRate(Component optimizer) {
    if (!optimizer.has("lr")) {
      return Double.NaN;
    }
    Double lr = optimizer.optionalNumber("lr");
    return lr == null ? Double.NaN : lr;
  }

  private static StringColumn text(String name, String value, int rows) {
    String[] values = new String[rows];
    Arrays.fill(values, value);
    return StringColumn.create(name, values);
  }

  private static DoubleColumn number(String name, double value, int rows) {
    double[] values = new double[rows];
    Arrays.fill(values, value);
    return DoubleColumn.create(name, values);
  }

  private static long[] repeat(long value, int rows) {
    long[] values = new long[rows];
    Arrays.fill(values, value);
    return values;
  }
}
