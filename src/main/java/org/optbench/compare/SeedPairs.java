package org.optbench.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of one cell on both sides, matched by seed. Seeds are paired by design: for a given
 * seed every run has the same data, initial weights and batch order ({@code spec/RunSeeds}), so a
 * baseline run and a current run pair when they share the seed and the seeds derived from it
 * (runs.csv {@code data_seed}, {@code init_seed}, {@code order_seed}).
 *
 * @param pairs matched runs, in the baseline's order
 * @param baselineOnly baseline runs without a match
 * @param currentOnly current runs without a match
 */
record SeedPairs(
    List<SeedPairs.Pair> pairs,
    List<CellMetrics.Run> baselineOnly,
    List<CellMetrics.Run> currentOnly) {

  /** A baseline run and the current run of the same seed. */
  record Pair(CellMetrics.Run baseline, CellMetrics.Run current) {}

  static SeedPairs of(List<CellMetrics.Run> baseline, List<CellMetrics.Run> current) {
    Map<String, CellMetrics.Run> byKey = new LinkedHashMap<>();
    current.forEach(run -> byKey.put(run.pairKey(), run));
    List<Pair> pairs = new ArrayList<>();
    List<CellMetrics.Run> baselineOnly = new ArrayList<>();
    for (CellMetrics.Run was : baseline) {
      CellMetrics.Run is = byKey.remove(was.pairKey());
      if (is == null) {
        baselineOnly.add(was);
      } else {
        pairs.add(new Pair(was, is));
      }
    }
    return new SeedPairs(pairs, baselineOnly, new ArrayList<>(byKey.values()));
  }

  boolean paired() {
    return !pairs.isEmpty();
  }

  /** Every baseline run of the cell. */
  List<CellMetrics.Run> baselineRuns() {
    List<CellMetrics.Run> all = new ArrayList<>();
    pairs.forEach(p -> all.add(p.baseline()));
    all.addAll(baselineOnly);
    return all;
  }

  /** Every current run of the cell. */
  List<CellMetrics.Run> currentRuns() {
    List<CellMetrics.Run> all = new ArrayList<>();
    pairs.forEach(p -> all.add(p.current()));
    all.addAll(currentOnly);
    return all;
  }
}
