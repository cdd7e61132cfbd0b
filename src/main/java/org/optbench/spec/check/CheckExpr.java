package org.optbench.spec.check;

import java.util.List;

/**
 * A claim's check: a small, side-effect-free expression over aggregates of result columns, such
 * as {@code median(final_loss | optimizer=adam) < median(final_loss | optimizer=sgd)}. It is data
 * only: parsing never executes anything, and evaluation reads result tables.
 */
public sealed interface CheckExpr {

  /** A number written in the check. */
  record Number(double value) implements CheckExpr {}

  /**
   * {@code function(metric | column=value, ...)}: an aggregate of one result column over the rows
   * that match every filter.
   *
   * @param function median, mean, min, max, sum, count or std
   * @param metric a column of runs.csv or steps.csv
   * @param filters conditions on other columns, all of which must hold
   * @param text the aggregate as written, for reports
   */
  record Aggregate(String function, String metric, List<Filter> filters, String text)
      implements CheckExpr {
    public Aggregate {
      filters = List.copyOf(filters);
    }
  }

  /**
   * {@code column op value}: {@code =} and {@code !=} for any column, {@code < <= > >=} for
   * numeric ones (e.g. {@code step>=50}).
   *
   * @param column a result column such as optimizer, clip, lr, seed, step
   * @param op one of {@code = != < <= > >=}
   * @param value the value as written
   */
  record Filter(String column, String op, String value) {
    /** Whether the filter orders numbers rather than testing equality. */
    public boolean ordering() {
      return !op.equals("=") && !op.equals("!=");
    }
  }

  /** {@code left op right} with op one of + − × ÷. */
  record Arithmetic(char op, CheckExpr left, CheckExpr right) implements CheckExpr {}

  /** {@code -operand}. */
  record Negation(CheckExpr operand) implements CheckExpr {}

  /** {@code left op right} with op one of {@code < <= > >= == !=}. */
  record Comparison(String op, CheckExpr left, CheckExpr right) implements CheckExpr {}

  /**
   * {@code within(left, right, margin)}: the two values are equal up to {@code margin}, decided
   * as equivalence (two one-sided tests) over seeds. With {@code relative}, the margin is a
   * fraction of {@code right} (written {@code 5%}) and the difference is {@code left/right − 1}.
   *
   * @param margin the largest difference that counts as equal; positive
   */
  record Within(CheckExpr left, CheckExpr right, double margin, boolean relative)
      implements CheckExpr {}

  /** {@code left and right}, {@code left or right}. */
  record Logical(String op, CheckExpr left, CheckExpr right) implements CheckExpr {}

  /** {@code not operand}. */
  record Not(CheckExpr operand) implements CheckExpr {}

  /** The aggregate functions a check may call. */
  List<String> FUNCTIONS = List.of("median", "mean", "min", "max", "sum", "count", "std");

  /** Whether this expression yields true/false (a comparison or a combination of them). */
  default boolean isBoolean() {
    return this instanceof Comparison
        || this instanceof Within
        || this instanceof Logical
        || this instanceof Not;
  }
}
