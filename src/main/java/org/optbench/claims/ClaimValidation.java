package org.optbench.claims;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.optbench.io.ColumnSchema;
import org.optbench.io.RunsTable;
import org.optbench.io.StepsTable;
import org.optbench.spec.Claim;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.SpecException;
import org.optbench.spec.check.CheckExpr;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
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
      sharesSeeds(spec, claim, claim.check(), grid);
    }
  }

  /**
   * Fails when a comparison's two sides both vary over seeds but select no seed in common: their
   * per-seed differences, which a verdict rests on, would not exist (see docs/claims.md).
   */
  private static void sharesSeeds(ExperimentSpec spec, Claim claim, CheckExpr expr, Table grid)
      throws SpecException {
    CheckExpr left = null;
    CheckExpr right = null;
    if (expr instanceof CheckExpr.Comparison c) {
      left = c.left();
      right = c.right();
    } else if (expr instanceof CheckExpr.Within w) {
      left = w.left();
      right = w.right();
    } else if (expr instanceof CheckExpr.Logical l) {
      sharesSeeds(spec, claim, l.left(), grid);
      sharesSeeds(spec, claim, l.right(), grid);
    } else if (expr instanceof CheckExpr.Not n) {
      sharesSeeds(spec, claim, n.operand(), grid);
    }
    if (left == null) {
      return;
    }
    Optional<Set<Long>> a = seedsOf(left, grid);
    Optional<Set<Long>> b = seedsOf(right, grid);
    if (a.isPresent() && b.isPresent() && Collections.disjoint(a.get(), b.get())) {
      throw error(spec, claim, "the two sides of the comparison share no seed (seeds "
          + new TreeSet<>(a.get()) + " vs " + new TreeSet<>(b.get()) + "), so there are no"
          + " per-seed differences to decide it from; filter both sides to the same seeds or"
          + " drop the seed filters");
    }
  }

  /**
   * The seeds for which every median or mean in {@code side} has runs of the grid; empty when the
   * side has no such aggregate (it is exact and needs no seeds).
   */
  private static Optional<Set<Long>> seedsOf(CheckExpr side, Table grid) {
    Set<Long> seeds = null;
    for (CheckExpr.Aggregate aggregate : aggregates(side)) {
      if (!aggregate.function().equals("median") && !aggregate.function().equals("mean")) {
        continue;
      }
      List<CheckExpr.Filter> onCells = aggregate.filters().stream()
          .filter(f -> GridRows.CELL_COLUMNS.contains(Columns.resolve(f.column()))
              || (!RunsTable.SCHEMA.types().containsKey(Columns.resolve(f.column()))
                  && !StepsTable.SCHEMA.types().containsKey(Columns.resolve(f.column()))))
          .toList();
      Set<Long> these = new HashSet<>();
      for (int row = 0; row < grid.rowCount(); row++) {
        if (ClaimEvaluator.matches(grid, row, onCells)) {
          these.add((long) ((NumericColumn<?>) grid.column("seed")).getDouble(row));
        }
      }
      if (seeds == null) {
        seeds = these;
      } else {
        seeds.retainAll(these);
      }
    }
    return Optional.ofNullable(seeds);
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
    } else if (expr instanceof CheckExpr.Within w) {
      parts = List.of(w.left(), w.right());
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
      if (Columns.type(schema.get(), column) == null) {
        if (Columns.isHyperparameter(column) && !filter.ordering()) {
          continue;
        }
        throw error(spec, claim, "unknown filter column '" + filter.column() + "' in "
            + aggregate.text() + "; use a column (" + String.join(", ", schema.get().names())
            + ") or a hyperparameter name such as amsgrad or max_norm");
      }
      // The evaluator compares a boolean column's text and parses a numeric column's value.
      if (Columns.type(schema.get(), column) == ColumnType.BOOLEAN) {
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
