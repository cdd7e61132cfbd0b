package org.optbench.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.optbench.io.ResultSet;
import org.optbench.spec.Claim;
import org.optbench.spec.check.CheckExpr;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Evaluates claims against a result set. A comparison is decided twice: on the aggregates
 * themselves, and at the ends of their seed bands (the smallest and largest per-run value behind
 * a median or mean over runs). It is reproduced only when both agree that it holds, not
 * reproduced when both agree that it fails, and inconclusive when the bands straddle the
 * decision or a value is missing (see docs/claims.md).
 */
public final class ClaimEvaluator {

  private final Table runs;
  private final Table steps;

  public ClaimEvaluator(ResultSet results) {
    this.runs = results.runs();
    this.steps = results.steps();
  }

  /** The verdict on every claim, in order. */
  public List<ClaimResult> evaluate(List<Claim> claims) {
    List<ClaimResult> results = new ArrayList<>();
    for (Claim claim : claims) {
      List<String> numbers = new ArrayList<>();
      Truth truth = truth(claim.check(), numbers);
      results.add(new ClaimResult(claim, truth.verdict(), String.join("; ", numbers)));
    }
    return results;
  }

  private Truth truth(CheckExpr expr, List<String> numbers) {
    if (expr instanceof CheckExpr.Comparison c) {
      return compare(c.op(), band(c.left(), numbers), band(c.right(), numbers));
    }
    if (expr instanceof CheckExpr.Logical l) {
      Truth left = truth(l.left(), numbers);
      Truth right = truth(l.right(), numbers);
      return l.op().equals("and") ? left.and(right) : left.or(right);
    }
    if (expr instanceof CheckExpr.Not n) {
      return truth(n.operand(), numbers).not();
    }
    throw new IllegalArgumentException("not a true/false expression: " + expr);
  }

  /** Decides {@code left op right} on the values and at the unfavourable ends of the bands. */
  static Truth compare(String op, Band left, Band right) {
    if (left.isNaN() || right.isNaN()) {
      return Truth.UNKNOWN;
    }
    boolean onValues = holds(op, left.value(), right.value());
    boolean surely;
    boolean surelyNot;
    switch (op) {
      case "<", "<=" -> {
        surely = holds(op, left.high(), right.low());
        surelyNot = !holds(op, left.low(), right.high());
      }
      case ">", ">=" -> {
        surely = holds(op, left.low(), right.high());
        surelyNot = !holds(op, left.high(), right.low());
      }
      default -> {
        boolean exact = left.low() == left.high() && right.low() == right.high();
        surely = exact && onValues;
        surelyNot = exact && !onValues;
      }
    }
    if (onValues && surely) {
      return Truth.TRUE;
    }
    if (!onValues && surelyNot) {
      return Truth.FALSE;
    }
    return Truth.UNKNOWN;
  }

  private static boolean holds(String op, double a, double b) {
    return switch (op) {
      case "<" -> a < b;
      case "<=" -> a <= b;
      case ">" -> a > b;
      case ">=" -> a >= b;
      case "==" -> a == b;
      case "!=" -> a != b;
      default -> throw new IllegalArgumentException("unknown comparison " + op);
    };
  }

  private Band band(CheckExpr expr, List<String> numbers) {
    if (expr instanceof CheckExpr.Number n) {
      return Band.exact(n.value());
    }
    if (expr instanceof CheckExpr.Negation n) {
      return band(n.operand(), numbers).negated();
    }
    if (expr instanceof CheckExpr.Arithmetic a) {
      Band left = band(a.left(), numbers);
      Band right = band(a.right(), numbers);
      return switch (a.op()) {
        case '+' -> left.plus(right);
        case '-' -> left.minus(right);
        case '*' -> left.times(right);
        default -> left.dividedBy(right);
      };
    }
    if (expr instanceof CheckExpr.Aggregate a) {
      return aggregate(a, numbers);
    }
    throw new IllegalArgumentException("not a number: " + expr);
  }

  private Band aggregate(CheckExpr.Aggregate aggregate, List<String> numbers) {
    String metric = Columns.resolve(aggregate.metric());
    boolean perRun = runs.columnNames().contains(metric);
    Table table = perRun ? runs : steps;
    double[] all = selected(table, metric, aggregate.filters());
    double[] finite = Arrays.stream(all).filter(Double::isFinite).toArray();
    Band band;
    if (aggregate.function().equals("count")) {
      band = Band.exact(all.length);
    } else if (finite.length == 0) {
      band = Band.exact(Double.NaN);
    } else {
      double value = switch (aggregate.function()) {
        case "median" -> median(finite);
        case "mean" -> Arrays.stream(finite).average().orElseThrow();
        case "min" -> Arrays.stream(finite).min().orElseThrow();
        case "max" -> Arrays.stream(finite).max().orElseThrow();
        case "sum" -> Arrays.stream(finite).sum();
        case "std" -> std(finite);
        default -> throw new IllegalArgumentException("unknown function " + aggregate.function());
      };
      boolean overSeeds = perRun && (aggregate.function().equals("median")
          || aggregate.function().equals("mean"));
      band = overSeeds
          ? new Band(value, Arrays.stream(finite).min().orElseThrow(),
              Arrays.stream(finite).max().orElseThrow())
          : Band.exact(value);
    }
    numbers.add(describe(aggregate, band, all.length, finite.length));
    return band;
  }

  private static String describe(CheckExpr.Aggregate aggregate, Band band, int rows, int finite) {
    StringBuilder text = new StringBuilder(aggregate.text()).append(" = ").append(format(band.value()));
    if (band.low() != band.high()) {
      text.append(" (runs ").append(format(band.low())).append("–").append(format(band.high())).append(')');
    }
    text.append(", n=").append(rows);
    if (finite < rows && !aggregate.function().equals("count")) {
      text.append(" (").append(rows - finite).append(" not finite)");
    }
    return text.toString();
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.6g", value);
  }

  private static double[] selected(Table table, String metric, List<CheckExpr.Filter> filters) {
    Column<?> values = table.column(metric);
    List<Double> out = new ArrayList<>();
    for (int row = 0; row < table.rowCount(); row++) {
      if (matches(table, row, filters)) {
        out.add(number(values, row));
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static boolean matches(Table table, int row, List<CheckExpr.Filter> filters) {
    for (CheckExpr.Filter filter : filters) {
      String name = Columns.resolve(filter.column());
      boolean holds;
      if (!table.columnNames().contains(name)) {
        holds = Columns.hyperparameterMatches(table, row, name, filter.value())
            == filter.op().equals("=");
      } else if (table.column(name) instanceof NumericColumn<?> numeric) {
        holds = compareNumbers(filter.op(), numeric.getDouble(row), Double.parseDouble(filter.value()));
      } else {
        holds = table.column(name).getString(row).equals(filter.value()) == filter.op().equals("=");
      }
      if (!holds) {
        return false;
      }
    }
    return true;
  }

  private static boolean compareNumbers(String op, double value, double wanted) {
    return switch (op) {
      case "=" -> value == wanted;
      case "!=" -> value != wanted;
      case "<" -> value < wanted;
      case "<=" -> value <= wanted;
      case ">" -> value > wanted;
      default -> value >= wanted;
    };
  }

  private static double number(Column<?> column, int row) {
    if (column instanceof BooleanColumn bool) {
      Boolean value = bool.get(row);
      return value == null ? Double.NaN : (value ? 1 : 0);
    }
    return ((NumericColumn<?>) column).getDouble(row);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double std(double[] values) {
    if (values.length < 2) {
      return 0;
    }
    double mean = Arrays.stream(values).average().orElseThrow();
    double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
    return Math.sqrt(squares / (values.length - 1));
  }
}
