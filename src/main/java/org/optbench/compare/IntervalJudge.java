package org.optbench.compare;

import org.optbench.stats.Estimate;
import org.optbench.stats.SeedStatistics;

/**
 * Interval statistics, for runs that are not bit-reproducible: the mean change over seeds with its
 * 95% Student-t interval, oriented so that positive is worse. Paired ({@link
 * SeedStatistics#pairedDifference}) over the shared seeds; Welch's interval ({@link
 * SeedStatistics#welchDifference}) when the sides share none. A regression when the interval lies
 * entirely above the margin, an improvement when entirely below minus the margin; otherwise the
 * change is within what the seeds can tell from noise, or smaller than matters.
 */
final class IntervalJudge {

  /** Confidence level of the intervals. */
  static final double LEVEL = 0.95;

  private IntervalJudge() {}

  /** Judges the shared seeds of a cell; a seed whose value is gone now is a regression. */
  static Judgement paired(PairedValues v, Tolerance tolerance) {
    double[] worseSide = tolerance.higherIsBetter() ? v.baseline() : v.current();
    double[] otherSide = tolerance.higherIsBetter() ? v.current() : v.baseline();
    Estimate change = SeedStatistics.pairedDifference(worseSide, otherSide, LEVEL);
    Judgement judgement = decide(change, PerSeedJudge.mean(v.baseline()),
        PerSeedJudge.mean(v.current()), tolerance, Judgement.Method.PAIRED_T);
    if (v.lost().isEmpty()) {
      return judgement;
    }
    return new Judgement(Judgement.Verdict.REGRESSION, judgement.method(), judgement.n(),
        judgement.baseline(), judgement.current(), judgement.interval(), judgement.margin(),
        "no value now for seed " + v.lost() + "; " + judgement.detail());
  }

  /** Judges two independent samples (finite values). */
  static Judgement unpaired(double[] baseline, double[] current, Tolerance tolerance) {
    double[] worseSide = tolerance.higherIsBetter() ? baseline : current;
    double[] otherSide = tolerance.higherIsBetter() ? current : baseline;
    Estimate change = SeedStatistics.welchDifference(worseSide, otherSide, LEVEL);
    return decide(change, PerSeedJudge.mean(baseline), PerSeedJudge.mean(current), tolerance,
        Judgement.Method.WELCH_T);
  }

  private static Judgement decide(Estimate change, double baselineMean, double currentMean,
      Tolerance tolerance, Judgement.Method method) {
    double margin = tolerance.margin(baselineMean);
    var interval = change.interval();
    Judgement.Verdict verdict = interval.above(margin) ? Judgement.Verdict.REGRESSION
        : interval.below(-margin) ? Judgement.Verdict.IMPROVEMENT
        : Judgement.Verdict.OK;
    String detail = interval.defined()
        ? "worse by " + Printed.signed(change.value()) + " [" + Printed.signed(interval.low())
            + ", " + Printed.signed(interval.high()) + "] 95% " + method.label() + "; margin "
            + Printed.number(margin)
        : "worse by " + Printed.signed(change.value()) + ", no interval (n=" + change.n()
            + "; 2 seeds per side needed)";
    return new Judgement(verdict, method, change.n(), baselineMean, currentMean, interval, margin,
        detail);
  }
}
