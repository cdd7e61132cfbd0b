package org.optbench.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.optbench.io.ResultSet;
import org.optbench.spec.Claim;
import org.optbench.spec.check.CheckExpr;
import org.optbench.stats.Median;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Evaluates claims against a result set. Every median or mean over runs is computed overall and
 * seed by seed; a comparison is decided on the per-seed differences with a 95% Student-t interval
 * (paired when the two sides share seeds), {@code within(a, b, m)} by two one-sided tests at 90%,
 * and exact values as numbers ({@link SeedComparison}; docs/claims.md).
 */
public final class ClaimEvaluator {

  private final Table runs;
  private final Table steps;

  public ClaimEvaluator(ResultSet results) {
    // Claims are about the settings a spec compares: grid cells and the reruns of tuned ones.
    this.runs = org.optbench.io.RunRoles.withoutTrials(results.runs());
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
      SeedwiseValue left = value(c.left(), numbers);
      SeedwiseValue right = value(c.right(), numbers);
      SeedComparison.Decision decision = SeedComparison.compare(c.op(), left, right);
      numbers.add("[" + c.op() + "] " + decision.explanation());
      return decision.truth();
    }
    if (expr instanceof CheckExpr.Within w) {
      SeedwiseValue left = value(w.left(), numbers);
      SeedwiseValue right = value(w.right(), numbers);
      SeedComparison.Decision decision =
          SeedComparison.within(left, right, w.margin(), w.relative());
      numbers.add("[within] " + decision.explanation());
      return decision.truth();
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

  private SeedwiseValue value(CheckExpr expr, List<String> numbers) {
    if (expr instanceof CheckExpr.Number n) {
      return SeedwiseValue.exact(n.value());
    }
    if (expr instanceof CheckExpr.Negation n) {
      return value(n.operand(), numbers).map(v -> -v);
    }
    if (expr instanceof CheckExpr.Arithmetic a) {
      SeedwiseValue left = value(a.left(), numbers);
      SeedwiseValue right = value(a.right(), numbers);
      return switch (a.op()) {
        case '+' -> left.combine(right, Double::sum);
        case '-' -> left.combine(right, (x, y) -> x - y);
        case '*' -> left.combine(right, (x, y) -> x * y);
        default -> left.combine(right, (x, y) -> x / y);
      };
    }
    if (expr instanceof CheckExpr.Aggregate a) {
      return aggregate(a, numbers);
    }
    throw new IllegalArgumentException("not a number: " + expr);
  }

  private SeedwiseValue aggregate(CheckExpr.Aggregate aggregate, List<String> numbers) {
    String metric = Columns.resolve(aggregate.metric());
    Table table = runs.columnNames().contains(metric) ? runs : steps;
    Column<?> values = table.column(metric);
    List<Integer> rows = new ArrayList<>();
    for (int row = 0; row < table.rowCount(); row++) {
      if (matches(table, row, aggregate.filters())) {
        rows.add(row);
      }
    }
    double[] all = rows.stream().mapToDouble(row -> number(values, row)).toArray();
    double[] finite = Arrays.stream(all).filter(Double::isFinite).toArray();
    double overall = aggregate.function().equals("count")
        ? all.length
        : finite.length == 0 ? Double.NaN : apply(aggregate.function(), finite);
    SortedMap<Long, Double> bySeed = new TreeMap<>();
    boolean overSeeds = (aggregate.function().equals("median") || aggregate.function().equals("mean"))
        && table.columnNames().contains("seed");
    if (overSeeds) {
      Map<Long, List<Double>> grouped = new TreeMap<>();
      NumericColumn<?> seeds = (NumericColumn<?>) table.column("seed");
      for (int row : rows) {
        double v = number(values, row);
        if (Double.isFinite(v)) {
          grouped.computeIfAbsent((long) seeds.getDouble(row), k -> new ArrayList<>()).add(v);
        }
      }
      grouped.forEach((seed, list) -> bySeed.put(seed,
          apply(aggregate.function(), list.stream().mapToDouble(Double::doubleValue).toArray())));
    }
    numbers.add(describe(aggregate, overall, all.length, finite.length, bySeed.size()));
    return new SeedwiseValue(overall, bySeed);
  }

  private static double apply(String function, double[] finite) {
    return switch (function) {
      case "median" -> Median.of(finite);
      case "mean" -> Arrays.stream(finite).average().orElseThrow();
      case "min" -> Arrays.stream(finite).min().orElseThrow();
      case "max" -> Arrays.stream(finite).max().orElseThrow();
      case "sum" -> Arrays.stream(finite).sum();
      case "std" -> std(finite);
      default -> throw new IllegalArgumentException("unknown function " + function);
    };
  }

  private static String describe(
      CheckExpr.Aggregate aggregate, double value, int rows, int finite, int seeds) {
    StringBuilder text = new StringBuilder(aggregate.text()).append(" = ").append(format(value));
    text.append(", n=").append(rows);
    if (seeds > 0) {
      text.append(" over ").append(seeds).append(seeds == 1 ? " seed" : " seeds");
    }
    if (finite < rows && !aggregate.function().equals("count")) {
      text.append(" (").append(rows - finite).append(" not finite)");
    }
    return text.toString();
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.6g", value);
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

  private static double std(double[] values) {
    if (values.length < 2) {
      return 0;
    }
    double mean = Arrays.stream(values).average().orElseThrow();
    double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
    return Math.sqrt(squares / (values.length - 1));
  }
}
