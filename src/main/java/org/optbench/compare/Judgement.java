package org.optbench.compare;

import org.optbench.stats.Interval;

/**
 * What a comparison found for one metric of one cell, with the numbers it rests on.
 *
 * @param verdict what happened
 * @param method how it was decided
 * @param n seed pairs compared (per-seed and paired methods), or the smaller sample (Welch)
 * @param baseline the baseline's mean over the compared seeds (diverged: how many diverged)
 * @param current the current mean over the compared seeds (diverged: how many diverged)
 * @param interval the 95% interval of the mean change, oriented so that positive is worse; {@link
 *     Interval#none} for the per-seed methods
 * @param margin the practical margin the interval is held against; NaN for the per-seed methods
 * @param detail one phrase for people: the interval, or the largest per-seed change
 */
public record Judgement(
    Verdict verdict,
    Method method,
    int n,
    double baseline,
    double current,
    Interval interval,
    double margin,
    String detail) {

  /** What happened to a metric of a cell, or to the cell. */
  public enum Verdict {
    /** Unchanged (per seed), or the interval does not lie beyond the margin. */
    OK,
    /** Worse: every changed seed worse, or the interval entirely beyond the margin. */
    REGRESSION,
    /** Better, by the same rules. */
    IMPROVEMENT,
    /** Some seeds worse and others better where runs are bit-reproducible: they no longer are. */
    CHANGED,
    /** A baseline cell, or one of its seeds, has no run in the current set. */
    MISSING,
    /** A cell only the current set has; listed, not judged. */
    NEW;

    /** The word printed at the start of a console line. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether this verdict makes {@code compare} exit 1. */
    public boolean fails() {
      return this == REGRESSION || this == CHANGED || this == MISSING;
    }
  }

  /** How a verdict was reached. */
  public enum Method {
    PER_SEED("per-seed exact"),
    PAIRED_T("paired t"),
    WELCH_T("Welch t, unpaired"),
    COUNT("count, unpaired"),
    NONE("-");

    private final String label;

    Method(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** A verdict about a whole cell or seed (missing, new), with no numbers. */
  static Judgement about(Verdict verdict, String detail) {
    return new Judgement(verdict, Method.NONE, 0, Double.NaN, Double.NaN,
        Interval.none(IntervalJudge.LEVEL),
        Double.NaN, detail);
  }
}
