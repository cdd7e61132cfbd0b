package org.optbench.runner;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.optbench.spec.Cell;
import org.optbench.workload.Workload;

/**
 * The order in which a {@link WorkerPool} hands out cells: the most expensive first ({@link
 * CellCost}), so that the cells still running when the queue empties are short ones and the
 * workers finish close together (longest processing time first; Graham 1969 bounds its makespan
 * by 4/3 of the best). Equal estimates keep grid order.
 */
final class LongestFirst {

  private LongestFirst() {}

  /** {@code cells} from the most to the least expensive. */
  static List<Cell> order(List<Cell> cells, Function<Cell, Workload> workloads) {
    Comparator<Cell> cheapestFirst =
        Comparator.comparingDouble(c -> CellCost.of(c, workloads.apply(c)));
    return cells.stream().sorted(cheapestFirst.reversed()).toList();
  }
}
