package org.optbench.compare;

import java.util.Arrays;
import tech.tablesaw.api.Table;

/**
 * Steps/s is never judged against a stored absolute: the nightly machine is rarely the baseline's
 * machine, and a shared machine's speed varies from hour to hour. {@code compare} judges a run's
 * throughput relative to a reference measured in the same result set: its steps/s divided by the
 * median steps/s of all runs of the set. That ratio is compared with the baseline's ratio by
 * interval statistics (never per seed: timings do not reproduce), so a cell that became slower
 * than the rest of the grid is caught; a slowdown of every cell alike is not (measure that on a
 * quiet machine, {@code scripts/bench.sh}). Off by default; a spec switches it on with {@code
 * regression: {steps_per_second: on}}.
 */
final class Throughput {

  private Throughput() {}

  /** The median steps/s over the runs of {@code runs} with a positive finite value; NaN if none. */
  static double reference(Table runs) {
    double[] v =
        Arrays.stream(runs.doubleColumn("steps_per_second").asDoubleArray())
            .filter(x -> Double.isFinite(x) && x > 0)
            .sorted()
            .toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
