package org.optbench.runner;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.optbench.io.CellStore;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.RunResult;
import org.optbench.metrics.RunSummary;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.workload.Workload;
import org.optbench.workload.Workloads;

/**
 * Trains cells in this JVM, one at a time, and stores each run in the {@link CellStore} as soon as
 * it ends. A serial run, the parent of a {@link WorkerPool} and each worker child all train
 * through it, so a cell meets the same code wherever it trains.
 */
final class LocalTrainer {

  private final CellStore store;
  // One Workload per distinct workload point, so that its per-seed data is generated once for all
  // the optimizers that train on it.
  private final Map<Component, Workload> workloads = new HashMap<>();

  LocalTrainer(CellStore store) {
    this.store = store;
  }

  /** Trains {@code cell}, stores its run under content key {@code key}, returns its summary. */
  RunSummary train(Cell cell, String key, RunListener listener) throws IOException {
    RunResult result = Engines.forName(cell.engine()).train(cell, workload(cell), listener);
    store.put(result, key);
    return result.summary();
  }

  /** The workload {@code cell} trains on, created on first use. */
  Workload workload(Cell cell) {
    return workloads.computeIfAbsent(cell.workload(), Workloads::create);
  }
}
