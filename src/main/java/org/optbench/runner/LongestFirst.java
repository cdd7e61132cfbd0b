package org.optbench.runner;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.optbench.spec.Cell;
import org.optbench.workload.Workload;

/**
 * The order in which a {@link WorkerPool} hands out cells: the most expensive first, so that the
 * cells still running when the queue empties are short ones and the workers finish close
 * together (longest processing time first; Graham 1969 bounds its makespan by 4/3 of the best).
 * Equal estimates keep grid order. Only the order is used, so the estimate needs to rank cells,
 * not predict seconds.
 */
final class LongestFirst {

  /**
   * What a step costs before any arithmetic, in multiply-adds: kernel launches, the optimizer step,
   * reading the loss back. About 1 ms here, what an analytic objective's step takes in all.
   */
  static final long PER_STEP = 5_000_000;

  private LongestFirst() {}

  /** {@code cells} from the most to the least expensive. */
  static List<Cell> order(List<Cell> cells, Function<Cell, Workload> workloads) {
    Comparator<Cell> cheapestFirst = Comparator.comparingDouble(c -> cost(c, workloads.apply(c)));
    return cells.stream().sorted(cheapestFirst.reversed()).toList();
  }

  /** Relative cost of training {@code cell}: steps × (fixed step cost + forward multiply-adds). */
  static double cost(Cell cell, Workload workload) {
    return (double) cell.steps() * (PER_STEP + workload.multiplyAddsPerStep());
  }
}
