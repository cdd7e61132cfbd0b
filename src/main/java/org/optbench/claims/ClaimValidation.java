package org.optbench.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.optbench.io.ColumnSchema;
import org.optbench.io.RunsTable;
import org.optbench.io.StepsTable;
import org.optbench.spec.Claim;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.SpecException;
import org.optbench.spec.check.CheckExpr;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * Checks, before anything runs, that every column a claim names exists in the results it will be
 * evaluated on, and that every filter on a cell's values (optimizer=adam, lr=0.01, amsgrad=true)
 * selects runs of this grid, so that a typo in a claim never costs a grid's worth of training only
 * to end as "inconclusive, n = 0".
 */
public final class ClaimValidation {

  private ClaimValidation() {}

  public static void validate(ExperimentSpec spec) throws SpecException {
    if (spec.claims().isEmpty()) {
      return;
    }
    Table grid = GridRows.of(spec);
    for (Claim claim : spec.claims()) {
      for (CheckExpr.Aggregate aggregate : aggregates(claim.check())) {
        validate(spec, claim, aggregate);
        selectsRuns(spec, claim, aggregate, grid);
      }
    }
  }

  /** The aggregates of {@code expr}, left to right. */
  private static List<CheckExpr.Aggregate> aggregates(CheckExpr expr) {
    if (expr instanceof CheckExpr.Aggregate aggregate) {
      return List.of(aggregate);
    }
    List<CheckExpr> parts = new ArrayList<>();
    if (expr instanceof CheckExpr.Arithmetic a) {
      parts = List.of(a.left(), a.right());
    } else if (expr instanceof CheckExpr.Comparison c) {
      parts = List.of(c.left(), c.right());
    } else if (expr instanceof CheckExpr.Logical l) {
      parts = List.of(l.left(), l.right());
    } else if (expr instanceof CheckExpr.Negation n) {
      parts = List.of(n.operand());
    } else if (expr instanceof CheckExpr.Not n) {
      parts = List.of(n.operand());
    }
    List<CheckExpr.Aggregate> found = new ArrayList<>();
    parts.forEach(part -> found.addAll(aggregates(part)));
    return found;
  }

  /**
   * Fails when the aggregate's filters on cell values select no cell of the grid: first each
   * filter alone (naming the values the grid has), then all of them together. Filters on
   * measured columns (step, diverged, ...) are left out: only a run knows them.
   */
  private static void selectsRuns(ExperimentSpec spec, Claim claim,
      CheckExpr.Aggregate aggregate, Table grid) throws SpecException {
    List<CheckExpr.Filter> onCells = new ArrayList<>();
    for (CheckExpr.Filter filter : aggregate.filters()) {
      String column = Columns.resolve(filter.column());
      boolean hyperparameter = !RunsTable.SCHEMA.types().containsKey(column)
          && !StepsTable.SCHEMA.types().containsKey(column);
      boolean cellValue = GridRows.CELL_COLUMNS.contains(column) || hyperparameter;
      if (!cellValue) {
        continue;
      }
      if (!anyRow(grid, List.of(filter))) {
        throw error(spec, claim, "filter " + filter.column() + filter.op() + filter.value()
            + " in " + aggregate.text() + " selects no run of the grid, which has "
            + filter.column() + " " + GridRows.values(grid, column)
            + "; use a value the grid has");
      }
      onCells.add(filter);
    }
    if (!anyRow(grid, onCells)) {
      throw error(spec, claim, "no run of the grid has " + onCells.stream()
          .map(f -> f.column() + f.op() + f.value()).collect(Collectors.joining(" and "))
          + " together, so " + aggregate.text() + " would have no values; change a filter or"
          + " add the missing combination to the grid");
    }
  }

  private static boolean anyRow(Table grid, List<CheckExpr.Filter> filters) {
    for (int row = 0; row < grid.rowCount(); row++) {
      if (ClaimEvaluator.matches(grid, row, filters)) {
        return true;
      }
    }
    return false;
  }

  private static void validate(ExperimentSpec spec, Claim claim, CheckExpr.Aggregate aggregate)
      throws SpecException {
    Optional<ColumnSchema> schema = Columns.schemaOf(aggregate.metric());
    if (schema.isEmpty() || !Columns.numeric(schema.get(), aggregate.metric())) {
      throw error(spec, claim, "unknown metric '" + aggregate.metric() + "' in " + aggregate.text()
          + "; known: " + String.join(", ", Columns.metricNames()));
    }
    for (CheckExpr.Filter filter : aggregate.filters()) {
      String column = Columns.resolve(filter.column());
      if (filter.ordering() && !Columns.numeric(schema.get(), column)) {
        throw error(spec, claim, "filter " + filter.column() + filter.op() + filter.value()
            + " orders values, which needs a numeric column such as step, lr or seed");
      }
      if (!schema.get().types().containsKey(column)) {
        if (Columns.isHyperparameter(column) && !filter.ordering()) {
          continue;
        }
        throw error(spec, claim, "unknown filter column '" + filter.column() + "' in "
            + aggregate.text() + "; use a column (" + String.join(", ", schema.get().names())
            + ") or a hyperparameter name such as amsgrad or max_norm");
      }
      // The evaluator compares a boolean column's text and parses a numeric column's value.
      if (schema.get().types().get(column) == ColumnType.BOOLEAN) {
        if (!isBoolean(filter.value())) {
          throw error(spec, claim, "filter " + filter.column() + " is true or false, got '"
              + filter.value() + "' in " + aggregate.text());
        }
      } else if (Columns.numeric(schema.get(), column)) {
        try {
          Double.parseDouble(filter.value());
        } catch (NumberFormatException e) {
          throw error(spec, claim, "filter " + filter.column() + " compares numbers, got '"
              + filter.value() + "' in " + aggregate.text());
        }
      }
    }
  }

  private static boolean isBoolean(String value) {
    return value.equals("true") || value.equals("false");
  }

  private static SpecException error(ExperimentSpec spec, Claim claim, String problem) {
    return new SpecException(spec.source(), claim.line(), claim.column(), "check: " + problem);
  }
}
