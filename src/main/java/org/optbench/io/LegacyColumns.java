package org.optbench.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optbench.spec.Axis;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads the CSV files of schema version 1 (result sets written before {@code schema_version}
 * existed in {@code manifest.json}) as version 2 files, so that committed baselines and
 * reproductions keep reading and comparing. Version 1 differs in:
 *
 * <ul>
 *   <li>{@code clip} named the clipping method and {@code mode} (of {@code crosscheck.csv}) the
 *       cross-check's mode; they are {@code clip_method} and {@code crosscheck_mode} now, as
 *       {@code clip} and {@code mode} are methods of pandas' DataFrame;
 *   <li>{@code lr} held the optimizer's learning rate (NaN when it had none); it is {@code
 *       optimizer_lr} now, one of the hyperparameter columns, which version 1 held only packed in
 *       the {@code *_config} strings and which are unpacked here ({@link HyperparameterColumns});
 *   <li>{@code diverged_step}, {@code study} and {@code trial} wrote -1 for "none"; that is an
 *       empty cell now.
 * </ul>
 */
final class LegacyColumns {

  private static final Map<Axis, String> CONFIGS = new LinkedHashMap<>();

  static {
    CONFIGS.put(Axis.WORKLOAD, "workload_config");
    CONFIGS.put(Axis.OPTIMIZER, "optimizer_config");
    CONFIGS.put(Axis.CLIP, "clip_config");
    CONFIGS.put(Axis.SCHEDULE, "schedule_config");
  }

  private LegacyColumns() {}

  /** Whether a header is of version 1: it names the clipping method {@code clip}. */
  static boolean isVersion1(List<String> header) {
    return header.contains("clip") && header.contains("clip_config")
        && !header.contains("clip_method");
  }

  /** A version 1 header with the version 2 names of its columns. */
  static List<String> renamed(List<String> header) {
    List<String> names = new ArrayList<>(header);
    names.set(names.indexOf("clip"), "clip_method");
    if (names.contains("mode")) {
      names.set(names.indexOf("mode"), "crosscheck_mode");
    }
    return names;
  }

  /**
   * A version 1 table (with renamed columns) as version 2: {@code lr} dropped, -1 made missing,
   * and, in a runs table, the hyperparameter columns unpacked from the {@code *_config} strings.
   */
  static Table upgrade(Table table) {
    if (table.containsColumn("lr")) {
      table.removeColumns("lr");
    }
    for (String name : List.of("diverged_step", "study", "trial")) {
      if (table.containsColumn(name) && table.column(name) instanceof IntColumn column) {
        for (int row = 0; row < column.size(); row++) {
          if (!column.isMissing(row) && column.getInt(row) == -1) {
            column.setMissing(row);
          }
        }
      }
    }
    if (!table.containsColumn("steps_done")) {
      return table;
    }
    return RunsLayout.arrange(table, hyperparameters(table));
  }

  /** The hyperparameter columns of a runs table's {@code *_config} strings, typed. */
  private static List<Column<?>> hyperparameters(Table table) {
    int rows = table.rowCount();
    Map<String, String[]> cells = new LinkedHashMap<>();
    for (Map.Entry<Axis, String> config : CONFIGS.entrySet()) {
      if (!table.containsColumn(config.getValue())) {
        continue;
      }
      StringColumn text = table.stringColumn(config.getValue());
      for (int row = 0; row < rows; row++) {
        for (var value : HyperparameterColumns.parse(config.getKey(), text.get(row)).entrySet()) {
          cells.computeIfAbsent(value.getKey(), k -> new String[rows])[row] = value.getValue();
        }
      }
    }
    List<Column<?>> columns = new ArrayList<>();
    for (String name : HyperparameterColumns.ordered(cells.keySet())) {
      ColumnType type = HyperparameterColumns.type(name).orElse(ColumnType.STRING);
      columns.add(column(name, type, cells.get(name)));
    }
    return columns;
  }

  /**
   * The column {@code name} of {@code type} holding {@code values} (null: missing); as text when
   * a value does not read as the type (a parameter whose type changed since the file was
   * written), so that nothing is lost.
   */
  private static Column<?> column(String name, ColumnType type, String[] values) {
    Column<?> column = type.create(name);
    try {
      for (String value : values) {
        CsvTableReader.appendCell(column, value == null ? "" : value, true);
      }
      return column;
    } catch (NumberFormatException notOfType) {
      return StringColumn.create(name, java.util.Arrays.stream(values)
          .map(v -> v == null ? "" : v).toArray(String[]::new));
    }
  }
}
