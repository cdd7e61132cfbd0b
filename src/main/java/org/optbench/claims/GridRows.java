package org.optbench.claims;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.optbench.io.RunsTable;
import org.optbench.io.StepsTable;
import org.optbench.metrics.RunAccumulator;
import org.optbench.spec.Cell;
import org.optbench.spec.ExperimentSpec;
import tech.tablesaw.api.Table;

/**
 * The rows {@code runs.csv} will have for a spec, before anything runs: each cell's identifying
 * columns (run id, workload, optimizer, clip_method, seed, ..., the {@code *_config} and the
 * hyperparameter columns)
 * exactly as a run writes them, with empty results. A claim's filters on these columns can be
 * tried against the grid, with the evaluator's own matching rules, before any training.
 */
final class GridRows {

  /**
   * The columns whose values a run's cell fixes: those that lead both runs.csv and steps.csv
   * (the cell's axis values), as opposed to measured ones such as final_loss or step.
   */
  static final Set<String> CELL_COLUMNS = cellColumns();

  private GridRows() {}

  /** One row per cell of {@code spec}, in grid order. */
  static Table of(ExperimentSpec spec) {
    List<Table> rows = new java.util.ArrayList<>();
    for (Cell cell : spec.cells()) {
      rows.add(RunsTable.of(spec.name(), new RunAccumulator(cell).finish(0, 0, 0)));
    }
    return RunsTable.join(rows);
  }

  /**
   * The distinct values {@code column} takes in {@code rows}, or a hyperparameter takes in their
   * {@code *_config} columns, as a short list for messages.
   */
  static String values(Table rows, String column) {
    Set<String> values = new LinkedHashSet<>();
    for (int row = 0; row < rows.rowCount(); row++) {
      if (rows.columnNames().contains(column)) {
        values.add(rows.column(column).getString(row));
        continue;
      }
      for (String config : Columns.CONFIG_COLUMNS) {
        for (String pair : rows.stringColumn(config).get(row).split(",")) {
          if (pair.startsWith(column + "=")) {
            values.add(pair.substring(column.length() + 1));
          }
        }
      }
    }
    List<String> shown = values.stream().limit(10).toList();
    return shown.isEmpty() ? "none"
        : shown.stream().collect(Collectors.joining(", ")) + (values.size() > 10 ? ", ..." : "");
  }

  private static Set<String> cellColumns() {
    Set<String> shared = new LinkedHashSet<>(RunsTable.SCHEMA.names());
    shared.retainAll(StepsTable.SCHEMA.names());
    return Set.copyOf(shared);
  }
}
