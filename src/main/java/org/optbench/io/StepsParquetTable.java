package org.optbench.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A {@code steps.parquet} as the table {@code steps.csv} would give ({@link StepsTable#SCHEMA}):
 * each row's label columns joined from its run's row of {@code runs.csv}, the numbers at full
 * precision. For commands that work on whole tables (merge, claims, export); the report streams
 * {@link StepSeries} instead.
 */
final class StepsParquetTable {

  private StepsParquetTable() {}

  /**
   * Reads {@code file} and joins {@code runs} on {@code run_id}. Call after {@link StepRows} has
   * checked that every run of the file is in {@code runs}.
   */
  static Table read(Path file, Table runs, String fix) {
    Map<String, Integer> rowOf = new HashMap<>();
    for (int row = 0; row < runs.rowCount(); row++) {
      rowOf.put(runs.stringColumn("run_id").get(row), row);
    }
    List<String> labels = labels(runs);
    List<Column<?>> labelColumns = new ArrayList<>();
    for (String name : labels) {
      labelColumns.add(runs.column(name).emptyCopy());
    }
    IntColumn step = IntColumn.create("step");
    List<String> metrics = StepSeries.METRICS;
    int clippedIndex = metrics.indexOf("clipped");
    List<DoubleColumn> numbers = new ArrayList<>();
    for (String m : metrics) {
      numbers.add(m.equals("clipped") ? null : DoubleColumn.create(m));
    }
    BooleanColumn clipped = BooleanColumn.create("clipped");
    StepsParquet.read(file, fix, (number, runId, s, values) -> {
      Integer runRow = rowOf.get(runId);
      if (runRow == null) {
        throw StepsParquet.bad(file, number, "run_id", "run " + runId + " is not in "
            + ResultFiles.RUNS, fix);
      }
      for (int c = 0; c < labels.size(); c++) {
        appendFrom(labelColumns.get(c), runs.column(labels.get(c)), runRow);
      }
      step.append(s);
      for (int m = 0; m < metrics.size(); m++) {
        if (m == clippedIndex) {
          if (Double.isNaN(values[m])) {
            clipped.appendMissing();
          } else {
            clipped.append(values[m] != 0);
          }
        } else {
          numbers.get(m).append(values[m]);
        }
      }
    });
    List<Column<?>> columns = new ArrayList<>(labelColumns);
    columns.add(step);
    for (int m = 0; m < metrics.size(); m++) {
      columns.add(m == clippedIndex ? clipped : numbers.get(m));
    }
    return Table.create(ResultFiles.STEPS, columns);
  }

  /**
   * The rows of a {@code steps.csv} (any version) with their label columns taken from {@code
   * runs}, as {@link #read} gives them: the file's own labels may be of an older version.
   */
  static Table withLabels(Table steps, Table runs) {
    Map<String, Integer> rowOf = new HashMap<>();
    for (int row = 0; row < runs.rowCount(); row++) {
      rowOf.put(runs.stringColumn("run_id").get(row), row);
    }
    List<Column<?>> columns = new ArrayList<>();
    for (String name : labels(runs)) {
      Column<?> source = runs.column(name);
      Column<?> label = source.emptyCopy();
      for (String id : steps.stringColumn("run_id")) {
        appendFrom(label, source, rowOf.get(id));
      }
      columns.add(label);
    }
    columns.add(steps.column("step"));
    for (String metric : StepSeries.METRICS) {
      columns.add(steps.column(metric));
    }
    return Table.create(ResultFiles.STEPS, columns);
  }

  /** The columns of {@code runs} a step row repeats: identity and hyperparameters, in order. */
  private static List<String> labels(Table runs) {
    return runs.columnNames().stream()
        .filter(n -> CellColumns.SCHEMA.types().containsKey(n) || HyperparameterColumns.is(n))
        .toList();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void appendFrom(Column target, Column source, int row) {
    target.append(source, row);
  }
}
