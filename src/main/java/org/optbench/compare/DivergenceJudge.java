package org.optbench.compare;

import java.util.ArrayList;
import java.util.List;
import org.optbench.stats.Interval;

/**
 * Divergence, per seed. A shared seed whose run diverges now but did not in the baseline is a
 * regression, whether or not runs are bit-reproducible; one that no longer diverges is an
 * improvement. Where runs are bit-reproducible, seeds that moved both ways are a change (they no
 * longer reproduce); elsewhere a newly diverged seed outweighs a recovered one. Without shared
 * seeds the shares of diverged runs are compared.
 */
final class DivergenceJudge {

  private DivergenceJudge() {}

  static Judgement judge(SeedPairs cell, boolean deterministic) {
    if (!cell.paired()) {
      return unpaired(cell.baselineRuns(), cell.currentRuns());
    }
    List<Long> diverging = new ArrayList<>();
    List<Long> recovered = new ArrayList<>();
    int before = 0;
    int now = 0;
    for (SeedPairs.Pair p : cell.pairs()) {
      before += p.baseline().diverged() ? 1 : 0;
      now += p.current().diverged() ? 1 : 0;
      if (p.current().diverged() && !p.baseline().diverged()) {
        diverging.add(p.baseline().seed());
      } else if (p.baseline().diverged() && !p.current().diverged()) {
        recovered.add(p.baseline().seed());
      }
    }
    Judgement.Verdict verdict;
    if (!diverging.isEmpty() && !recovered.isEmpty() && deterministic) {
      verdict = Judgement.Verdict.CHANGED;
    } else if (!diverging.isEmpty()) {
      verdict = Judgement.Verdict.REGRESSION;
    } else if (!recovered.isEmpty()) {
      verdict = Judgement.Verdict.IMPROVEMENT;
    } else {
      verdict = Judgement.Verdict.OK;
    }
    List<String> parts = new ArrayList<>();
    if (!diverging.isEmpty()) {
      parts.add("diverges now: seed " + diverging);
    }
    if (!recovered.isEmpty()) {
      parts.add("no longer diverges: seed " + recovered);
    }
    if (parts.isEmpty()) {
      parts.add(before + " of " + cell.pairs().size() + " seeds diverged, the same ones");
    }
    return new Judgement(verdict, Judgement.Method.PER_SEED, cell.pairs().size(), before, now,
        Interval.none(IntervalJudge.LEVEL), Double.NaN, String.join("; ", parts));
  }

  private static Judgement unpaired(List<CellMetrics.Run> baseline, List<CellMetrics.Run> current) {
    long before = baseline.stream().filter(CellMetrics.Run::diverged).count();
    long now = current.stream().filter(CellMetrics.Run::diverged).count();
    // Shares, so that a side with more seeds is not worse for having more runs.
    double shareBefore = (double) before / baseline.size();
    double shareNow = (double) now / current.size();
    Judgement.Verdict verdict = shareNow > shareBefore ? Judgement.Verdict.REGRESSION
        : shareNow < shareBefore ? Judgement.Verdict.IMPROVEMENT
        : Judgement.Verdict.OK;
    return new Judgement(verdict, Judgement.Method.COUNT, Math.min(baseline.size(), current.size()),
        before, now, Interval.none(IntervalJudge.LEVEL), Double.NaN,
        before + " of " + baseline.size() + " runs diverged before, " + now + " of "
            + current.size() + " now");
  }
}
