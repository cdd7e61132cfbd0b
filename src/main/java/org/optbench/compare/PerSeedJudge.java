package org.optbench.compare;

import java.util.Locale;
import org.optbench.stats.Interval;
import org.optbench.stats.SeedStatistics;

/**
 * The per-seed exact rule, for bit-reproducible runs ({@link Determinism}) and for values that
 * never vary by rounding (optimizer state bytes). A seed has changed when its value moved by more
 * than {@code max(atol, rtol·|baseline|)}. A cell whose every changed seed got worse is a
 * regression, every changed seed better an improvement; seeds that moved both ways mean the runs
 * no longer reproduce: changed. A seed whose value is gone counts as worse.
 */
final class PerSeedJudge {

  private PerSeedJudge() {}

  static Judgement judge(PairedValues v, Tolerance tolerance, double rtol, double atol) {
    int worse = v.lost().size();
    int better = 0;
    int largest = -1;
    double largestMove = 0;
    for (int i = 0; i < v.size(); i++) {
      double b = v.baseline()[i];
      double c = v.current()[i];
      if (Math.abs(c - b) <= Math.max(atol, rtol * Math.abs(b))) {
        continue;
      }
      if (tolerance.worse(b, c) > 0) {
        worse++;
      } else {
        better++;
      }
      double move = b == 0 ? Math.abs(c - b) : Math.abs(c - b) / Math.abs(b);
      if (move > largestMove) {
        largestMove = move;
        largest = i;
      }
    }
    int n = v.size() + v.lost().size();
    Judgement.Verdict verdict;
    String summary;
    if (worse > 0 && better > 0) {
      verdict = Judgement.Verdict.CHANGED;
      summary = worse + " worse and " + better + " better of " + n
          + " seeds: a reproducible path no longer reproduces";
    } else if (worse > 0) {
      verdict = Judgement.Verdict.REGRESSION;
      summary = worse + " of " + n + " seeds worse";
    } else if (better > 0) {
      verdict = Judgement.Verdict.IMPROVEMENT;
      summary = better + " of " + n + " seeds better";
    } else {
      verdict = Judgement.Verdict.OK;
      summary = n + " seeds unchanged";
    }
    if (!v.lost().isEmpty()) {
      summary += "; no value now for seed " + v.lost();
    }
    if (largest >= 0) {
      summary += "; largest: seed " + v.seeds()[largest] + ", " + change(v, largest);
    }
    return new Judgement(verdict, Judgement.Method.PER_SEED, n, mean(v.baseline()),
        mean(v.current()), Interval.none(IntervalJudge.LEVEL), Double.NaN, summary);
  }

  /** E.g. {@code 0.1200 → 0.1224 (+2.00%)}. */
  private static String change(PairedValues v, int i) {
    double b = v.baseline()[i];
    double c = v.current()[i];
    String text = Printed.number(b) + " → " + Printed.number(c);
    if (b != 0) {
      text += String.format(Locale.ROOT, " (%+.3g%%)", (c - b) / Math.abs(b) * 100);
    }
    return text;
  }

  /** The mean over seeds, NaN for none. */
  static double mean(double[] values) {
    return SeedStatistics.mean(values, IntervalJudge.LEVEL).value();
  }
}
