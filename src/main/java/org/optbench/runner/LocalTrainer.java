package org.optbench.runner;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
 * it ends, while the next cell trains ({@link StoreBehind}). A serial run, the parent of a {@link
 * WorkerPool} and each worker child all train through it, so a cell meets the same code wherever
 * it trains.
 */
final class LocalTrainer implements AutoCloseable {

  private final StoreBehind store;
  // The summary of every run trained here, by run id: the publisher takes them from here instead
  // of reading back the files this process has just written.
  private final Map<String, RunSummary> trained = new HashMap<>();
  // One Workload per distinct workload point, so that its per-seed data is generated once for all
  // the optimizers that train on it.
  private final Map<Component, Workload> workloads = new HashMap<>();
  // Engine and workload pairs this process has warmed up.
  private final Set<String> warmed = new HashSet<>();

  /** Target length of a warm-up, by the cost model. */
  static final double WARMUP_SECONDS = 1.0;
  /** Fewest warm-up steps (a few steps do not reach the steady state of allocator and JIT). */
  static final int MIN_WARMUP_STEPS = 20;
  /** Most warm-up steps: the start-up penalty measured here fades within about 300 steps. */
  static final int MAX_WARMUP_STEPS = 300;

  LocalTrainer(CellStore store) {
    this.store = new StoreBehind(store);
  }

  /**
   * Trains {@code cell}, starts storing its run under content key {@code key} and returns its
   * summary. The run is on disk once the next {@code train}, {@link #awaitStored} or {@link
   * #close} returns.
   */
  RunSummary train(Cell cell, String key, RunListener listener) throws IOException {
    double warmup = warmUp(cell);
    RunResult result = Engines.forName(cell.engine()).train(cell, workload(cell), listener);
    result = result.withSummary(result.summary().withWarmupSeconds(warmup));
    store.put(result, key);
    trained.put(cell.runId(), result.summary());
    return result.summary();
  }

  /** Waits until every run trained so far is stored; rethrows a failed write's error. */
  void awaitStored() throws IOException {
    store.await();
  }

  /** The summaries of the runs trained here so far, by run id, exactly as stored. */
  Map<String, RunSummary> trained() {
    return Map.copyOf(trained);
  }

  /** Waits for the last run to be stored and ends the writer thread. */
  @Override
  public void close() throws IOException {
    store.close();
  }

  /**
   * Before the first run of a workload on an engine in this process, trains a throwaway copy of
   * it, untimed, and returns how long that took. The first run of a process would otherwise pay
   * for JIT compilation, libtorch's lazy initialisation and allocator growth in its own steps/s
   * (3–6× slower than later cells of the same grid), which would bias every throughput and
   * time-to-target comparison towards whatever trains later. The copy trains for about
   * {@link #WARMUP_SECONDS} by the cost model, between {@link #MIN_WARMUP_STEPS} and {@link
   * #MAX_WARMUP_STEPS} steps and never more than the run itself; its results are discarded.
   */
  private double warmUp(Cell cell) {
    if (!warmed.add(cell.engine() + "|" + cell.workload())) {
      return 0;
    }
    Workload workload = workload(cell);
    double stepSeconds = (CellCost.PER_STEP + workload.multiplyAddsPerStep()) / CellCost.PER_SECOND;
    int steps = (int) Math.max(MIN_WARMUP_STEPS,
        Math.min(MAX_WARMUP_STEPS, Math.round(WARMUP_SECONDS / stepSeconds)));
    steps = Math.min(steps, cell.steps());
    Cell copy = new Cell(cell.workload(), cell.optimizer(), cell.clip(), cell.schedule(),
        cell.seed(), cell.dataSeed(), cell.engine(), steps, steps);
    long start = System.nanoTime();
    Engines.forName(cell.engine()).train(copy, workload, RunListener.NONE);
    return (System.nanoTime() - start) / 1e9;
  }

  /** The workload {@code cell} trains on, created on first use. */
  Workload workload(Cell cell) {
    return workloads.computeIfAbsent(cell.workload(), Workloads::create);
  }
}
