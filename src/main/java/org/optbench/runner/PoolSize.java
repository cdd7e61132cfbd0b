package org.optbench.runner;

import java.util.List;
import java.util.function.Function;
import org.optbench.spec.Cell;
import org.optbench.workload.Workload;

/**
 * How many workers a grid's work repays. A child JVM spends about 8 s of CPU before it trains at
 * full speed (JVM start and spec parsing 1.3 s, engine load, then JIT compilation of the training
 * path during its first cells; measured on the 2-core development machine), so a worker whose
 * share is only a few seconds of training slows the grid down: the quickstart's 48 cells of 0.2 s
 * took 13.0 s with {@code --workers 2} against 10.8 s in one JVM, while 16 tiny-GPT cells of 1.2 s
 * (16 s of work) went from 22.2 s to 17.3 s. {@code run} says so when asked for more workers.
 */
final class PoolSize {

  /** The least estimated work ({@link CellCost}) worth giving a worker: about 5 s here. */
  static final double MIN_SHARE = 5 * CellCost.PER_SECOND;

  private PoolSize() {}

  /** The estimated training time of {@code cells} in seconds on the development machine. */
  static double seconds(List<Cell> cells, Function<Cell, Workload> workloads) {
    return cells.stream().mapToDouble(c -> CellCost.of(c, workloads.apply(c))).sum()
        / CellCost.PER_SECOND;
  }

  /** Workers (this JVM included) that {@code seconds} of work repays: at least one. */
  static int repaid(double seconds) {
    return (int) Math.max(1, Math.floor(seconds * CellCost.PER_SECOND / MIN_SHARE));
  }
}
