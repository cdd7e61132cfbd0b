package org.optbench.compare;

import java.util.List;

/** Picks the rule for one metric of one cell ({@link Comparison} describes them) and applies it. */
final class CellJudge {

  private CellJudge() {}

  /** The judgement, or null when neither side has a value to compare (accuracy of a regression). */
  static Judgement judge(String metric, SeedPairs cell, Tolerance tolerance, boolean deterministic) {
    switch (metric) {
      case "diverged":
        return DivergenceJudge.judge(cell, deterministic);
      case "optimizer_state_bytes":
        // Byte counts do not round: exact on every path.
        return cell.paired() ? perSeed(metric, cell, tolerance, 0, 0) : unpaired(metric, cell, tolerance);
      case "steps_per_second":
        // Timings never reproduce: always interval statistics.
        return intervals(metric, cell, tolerance);
      default:
        return deterministic && cell.paired()
            ? perSeed(metric, cell, tolerance, Tolerance.SEED_RTOL, Tolerance.SEED_ATOL)
            : intervals(metric, cell, tolerance);
    }
  }

  private static Judgement perSeed(
      String metric, SeedPairs cell, Tolerance tolerance, double rtol, double atol) {
    PairedValues values = PairedValues.of(cell, metric);
    return values.isEmpty() ? null : PerSeedJudge.judge(values, tolerance, rtol, atol);
  }

  private static Judgement intervals(String metric, SeedPairs cell, Tolerance tolerance) {
    if (!cell.paired()) {
      return unpaired(metric, cell, tolerance);
    }
    PairedValues values = PairedValues.of(cell, metric);
    return values.isEmpty() ? null : IntervalJudge.paired(values, tolerance);
  }

  private static Judgement unpaired(String metric, SeedPairs cell, Tolerance tolerance) {
    double[] baseline = usable(cell.baselineRuns(), metric);
    double[] current = usable(cell.currentRuns(), metric);
    if (baseline.length == 0 || current.length == 0) {
      return null;
    }
    return IntervalJudge.unpaired(baseline, current, tolerance);
  }

  /** The finite values of {@code metric} over {@code runs}. */
  private static double[] usable(List<CellMetrics.Run> runs, String metric) {
    return runs.stream()
        .mapToDouble(run -> run.values().get(metric))
        .filter(Double::isFinite)
        .toArray();
  }
}
