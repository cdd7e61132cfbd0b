package org.optbench.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * One metric of one cell, per shared seed: the pairs whose value is finite on both sides. A seed
 * whose value is NaN or infinite on either side is left out, since the divergence check judges
 * it; but a value that was finite and is gone now although the current run did not diverge is
 * {@code lost} (an evaluation that stopped producing numbers is worse, not unknown).
 *
 * @param seeds the seed of each pair
 * @param baseline the baseline's value of each pair
 * @param current the current value of each pair
 * @param lost seeds that have a value in the baseline and none now
 */
record PairedValues(long[] seeds, double[] baseline, double[] current, List<Long> lost) {

  static PairedValues of(SeedPairs cell, String metric) {
    List<SeedPairs.Pair> kept = new ArrayList<>();
    List<Long> lost = new ArrayList<>();
    for (SeedPairs.Pair p : cell.pairs()) {
      double b = p.baseline().values().get(metric);
      double c = p.current().values().get(metric);
      if (Double.isFinite(b) && Double.isFinite(c)) {
        kept.add(p);
      } else if (Double.isFinite(b) && !p.current().diverged()) {
        lost.add(p.baseline().seed());
      }
    }
    long[] seeds = new long[kept.size()];
    double[] baseline = new double[kept.size()];
    double[] current = new double[kept.size()];
    for (int i = 0; i < kept.size(); i++) {
      seeds[i] = kept.get(i).baseline().seed();
      baseline[i] = kept.get(i).baseline().values().get(metric);
      current[i] = kept.get(i).current().values().get(metric);
    }
    return new PairedValues(seeds, baseline, current, lost);
  }

  int size() {
    return seeds.length;
  }

  /** Nothing to compare: no pair has a value on both sides, and none lost one. */
  boolean isEmpty() {
    return seeds.length == 0 && lost.isEmpty();
  }
}
