package org.optbench.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.optbench.stats.Equivalence;
import org.optbench.stats.Estimate;
import org.optbench.stats.SeedStatistics;

/**
 * Decides one comparison of a check from per-seed values, with a stated confidence.
 *
 * <ul>
 *   <li>{@code A < B} (and ≤, >, ≥): the 95% Student-t interval of the mean per-seed difference
 *       A − B. <b>Reproduced</b> when it lies on the claimed side of 0, <b>not reproduced</b>
 *       when it lies on the other side, <b>inconclusive</b> otherwise. Paired when both sides
 *       have values for the same seeds; unpaired (Welch) when they share none.
 *   <li>{@code within(A, B, m)}: equivalence by two one-sided tests — the 90% interval of the
 *       mean per-seed difference A − B (or relative difference A/B − 1 for {@code m%}) inside
 *       ±m is reproduced, entirely outside is not reproduced.
 *   <li>Exact values (constants, count, min, max, sum, std) are compared as numbers.
 * </ul>
 */
final class SeedComparison {

  /** Level of the interval a one-sided comparison is decided on. */
  static final double LEVEL = 0.95;
  /** Beyond this many seeds "how many would decide it" is not worth printing. */
  private static final int MAX_SEEDS = 1000;

  private SeedComparison() {}

  /** A decision and one line saying what it rests on. */
  record Decision(Truth truth, String explanation) {}

  static Decision compare(String op, SeedwiseValue left, SeedwiseValue right) {
    if (left.isExact() && right.isExact()) {
      if (Double.isNaN(left.overall()) || Double.isNaN(right.overall())) {
        return new Decision(Truth.UNKNOWN, "a value is missing (no matching finite rows)");
      }
      boolean holds = holds(op, left.overall(), right.overall());
      return new Decision(holds ? Truth.TRUE : Truth.FALSE, "exact values");
    }
    if (op.equals("==") || op.equals("!=")) {
      return new Decision(Truth.UNKNOWN,
          "equality of values that vary over seeds is not decided; use within(a, b, margin)");
    }
    Estimate d = difference(left, right, LEVEL, false);
    if (d == null) {
      return new Decision(Truth.UNKNOWN, "fewer than 2 seeds with finite values on both sides");
    }
    Truth truth = Truth.UNKNOWN;
    var ci = d.interval();
    if (ci.defined()) {
      boolean wantBelow = op.startsWith("<");
      boolean strict = op.length() == 1;
      boolean claimedSide = wantBelow
          ? (strict ? ci.high() < 0 : ci.high() <= 0)
          : (strict ? ci.low() > 0 : ci.low() >= 0);
      boolean otherSide = wantBelow
          ? (strict ? ci.low() >= 0 : ci.low() > 0)
          : (strict ? ci.high() <= 0 : ci.high() < 0);
      truth = claimedSide ? Truth.TRUE : otherSide ? Truth.FALSE : Truth.UNKNOWN;
    }
    String text = "left − right: " + d.describe();
    if (truth == Truth.UNKNOWN) {
      text += "; " + seedsNote(SeedStatistics.seedsToDecide(d.value(), d.sd(), LEVEL, MAX_SEEDS), d.n());
    }
    return new Decision(truth, text);
  }

  static Decision within(SeedwiseValue left, SeedwiseValue right, double margin, boolean relative) {
    String unit = relative ? "%" : "";
    double shown = relative ? margin * 100 : margin;
    if (left.isExact() && right.isExact()) {
      double diff = relative ? left.overall() / right.overall() - 1 : left.overall() - right.overall();
      if (Double.isNaN(diff)) {
        return new Decision(Truth.UNKNOWN, "a value is missing (no matching finite rows)");
      }
      return new Decision(Math.abs(diff) <= margin ? Truth.TRUE : Truth.FALSE, "exact values");
    }
    Estimate d = difference(left, right, Equivalence.TOST_LEVEL, relative);
    if (d == null) {
      return new Decision(Truth.UNKNOWN, "fewer than 2 seeds with finite values on both sides");
    }
    Truth truth = switch (Equivalence.decide(d, margin)) {
      case EQUIVALENT -> Truth.TRUE;
      case NOT_EQUIVALENT -> Truth.FALSE;
      case UNDECIDED -> Truth.UNKNOWN;
    };
    String text = (relative ? "left/right − 1: " : "left − right: ") + d.describe()
        + String.format(Locale.ROOT, "; margin ±%s%s (two one-sided tests)", trim(shown), unit);
    if (truth == Truth.UNKNOWN) {
      text += "; " + seedsNote(
          SeedStatistics.seedsToShowEquivalence(d.value(), d.sd(), margin, Equivalence.TOST_LEVEL, MAX_SEEDS),
          d.n());
    }
    return new Decision(truth, text);
  }

  /**
   * The difference left − right (or left/right − 1) over seeds: paired on the common seeds,
   * Welch's when the sides share no seed, one-sample when one side is exact; null with fewer than
   * two usable values.
   */
  private static Estimate difference(
      SeedwiseValue left, SeedwiseValue right, double level, boolean relative) {
    if (!left.isExact() && !right.isExact()) {
      Set<Long> common = new TreeSet<>(left.bySeed().keySet());
      common.retainAll(right.bySeed().keySet());
      List<double[]> pairs = new ArrayList<>();
      for (long seed : common) {
        double a = left.bySeed().get(seed);
        double b = right.bySeed().get(seed);
        if (Double.isFinite(a) && Double.isFinite(b)) {
          pairs.add(new double[] {a, b});
        }
      }
      if (common.isEmpty()) {
        double[] a = SeedStatistics.finite(values(left));
        double[] b = SeedStatistics.finite(values(right));
        if (a.length < 2 || b.length < 2) {
          return null;
        }
        Estimate welch = SeedStatistics.welchDifference(a, b, level);
        return relative ? scale(welch, mean(b)) : welch;
      }
      if (pairs.size() < 2) {
        return null;
      }
      double[] a = new double[pairs.size()];
      double[] b = new double[pairs.size()];
      for (int i = 0; i < pairs.size(); i++) {
        a[i] = relative ? pairs.get(i)[0] / pairs.get(i)[1] - 1 : pairs.get(i)[0];
        b[i] = relative ? 0 : pairs.get(i)[1];
      }
      return SeedStatistics.pairedDifference(a, b, level);
    }
    SeedwiseValue varying = left.isExact() ? right : left;
    double constant = left.isExact() ? left.overall() : right.overall();
    double[] d = varying.bySeed().values().stream().mapToDouble(Double::doubleValue)
        .filter(Double::isFinite)
        .map(v -> {
          double l = left.isExact() ? constant : v;
          double r = left.isExact() ? v : constant;
          return relative ? l / r - 1 : l - r;
        })
        .toArray();
    if (d.length < 2) {
      return null;
    }
    return SeedStatistics.mean(d, level);
  }

  /** Welch's estimate of a difference of means, as a fraction of {@code base}. */
  private static Estimate scale(Estimate e, double base) {
    var ci = e.interval();
    return new Estimate("relative difference of means (approximate: divided by mean(right))",
        e.value() / base, new org.optbench.stats.Interval(ci.low() / base, ci.high() / base,
            ci.level(), ci.method()), e.n(), e.pairing(), e.sd() / Math.abs(base));
  }

  private static double[] values(SeedwiseValue v) {
    return v.bySeed().values().stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static String seedsNote(int needed, int have) {
    if (needed == Integer.MAX_VALUE) {
      return "more seeds would not decide it at the observed spread (the estimate is too close to the boundary)";
    }
    if (needed <= have) {
      return "the interval is just too wide at n=" + have + "; a few more seeds would decide it";
    }
    return "roughly " + needed + " seeds would decide it at the observed spread";
  }

  static boolean holds(String op, double a, double b) {
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

  private static String trim(double x) {
    return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
  }
}
