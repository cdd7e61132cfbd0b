package org.optbench.claims;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.optbench.io.ColumnSchema;
import org.optbench.io.RunsTable;
import org.optbench.io.StepsTable;
import tech.tablesaw.api.ColumnType;

/**
 * Which result file a check's column comes from: runs.csv (one value per run, so an aggregate
 * over runs has a seed band) or steps.csv (one value per step). runs.csv wins for the columns
 * both share (the cell's axis values).
 */
final class Columns {

  /** Names the check language accepts besides the CSV column names, with the column they mean. */
  static final Map<String, String> ALIASES =
      Map.of(
          "grad_norm_after_clip", "grad_norm_clipped",
          "grad_norm_before_clip", "grad_norm",
          // The columns' names in result sets of schema version 1, which specs' checks use.
          "clip", "clip_method",
          "lr", "optimizer_lr");

  private Columns() {}

  /** The CSV column a check's name refers to. */
  static String resolve(String name) {
    return ALIASES.getOrDefault(name, name);
  }

  /** The schema holding a metric, runs.csv first; empty when neither has it. */
  static Optional<ColumnSchema> schemaOf(String metric) {
    String column = resolve(metric);
    if (RunsTable.SCHEMA.types().containsKey(column)) {
      return Optional.of(RunsTable.SCHEMA);
    }
    if (StepsTable.SCHEMA.types().containsKey(column)) {
      return Optional.of(StepsTable.SCHEMA);
    }
    return Optional.empty();
  }

  /**
   * The type of {@code column} in a file of {@code schema}: one of its fixed columns, or a
   * hyperparameter column such as optimizer_lr; null when neither.
   */
  static ColumnType type(ColumnSchema schema, String column) {
    String name = resolve(column);
    ColumnType type = schema.types().get(name);
    return type != null ? type : RunsTable.hyperparameterType(name).orElse(null);
  }

  /** Whether the column holds numbers (or booleans, which count as 0/1). */
  static boolean numeric(ColumnSchema schema, String column) {
    ColumnType type = type(schema, column);
    return type != null && type != ColumnType.STRING;
  }

  /** The columns that hold a component's hyperparameters as {@code k=v,k=v}. */
  static final List<String> CONFIG_COLUMNS =
      List.of("optimizer_config", "clip_config", "schedule_config", "workload_config");

  /**
   * Whether a hyperparameter (a key of some {@code *_config} column, such as amsgrad or
   * max_norm) has {@code value} in this row. Numbers compare as numbers, so lr=0.001 matches
   * "lr=0.001" and "lr=1.0E-3" alike.
   */
  static boolean hyperparameterMatches(tech.tablesaw.api.Table table, int row, String key,
      String value) {
    for (String config : CONFIG_COLUMNS) {
      if (!table.columnNames().contains(config)) {
        continue;
      }
      for (String pair : table.stringColumn(config).get(row).split(",")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).equals(key)) {
          return sameValue(pair.substring(eq + 1), value);
        }
      }
    }
    return false;
  }

  private static boolean sameValue(String written, String wanted) {
    if (written.equals(wanted)) {
      return true;
    }
    try {
      return Double.parseDouble(written) == Double.parseDouble(wanted);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Whether some catalogue component has a hyperparameter of this name. */
  static boolean isHyperparameter(String key) {
    for (org.optbench.spec.Axis axis : org.optbench.spec.Axis.values()) {
      for (org.optbench.spec.ComponentDef def : org.optbench.spec.Catalog.components(axis)) {
        if (def.param(key).isPresent()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Every name a metric may take, for error messages. */
  static List<String> metricNames() {
    return java.util.stream.Stream.concat(
            RunsTable.SCHEMA.names().stream(), StepsTable.SCHEMA.names().stream())
        .filter(name -> RunsTable.SCHEMA.types().get(name) != ColumnType.STRING
            && StepsTable.SCHEMA.types().get(name) != ColumnType.STRING)
        .distinct()
        .toList();
  }
}
