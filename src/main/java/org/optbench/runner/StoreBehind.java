package org.optbench.runner;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.optbench.io.CellStore;
import org.optbench.metrics.RunResult;

/**
 * Stores finished runs in a {@link CellStore} on a thread of its own, one run behind the training:
 * formatting a run's CSV parts and forcing them to disk (five fsyncs, 20–160 ms a run on the
 * development machine's shared disk) then overlaps with training the next cell instead of adding
 * to the grid's wall time.
 *
 * <p>At most one run is being written at any time: {@link #put} first waits for the previous
 * write, so a run is on disk before the cell after next starts, and a failed write stops the grid
 * one cell later at the latest. Each write is the store's own (atomic parts, key last), so a
 * process killed mid-write leaves that run absent, never half-stored. The writer thread is not a
 * daemon, and a shutdown hook lets a run being written finish when the JVM is asked to stop
 * (Ctrl-C), so an interrupted grid still loses only the run that was training.
 */
final class StoreBehind implements AutoCloseable {

  /** How long a stopping JVM waits for the run being written: far above any write seen here. */
  private static final long SHUTDOWN_WAIT_SECONDS = 60;

  private final CellStore store;
  private final ExecutorService writer;
  private final Thread onShutdown;
  private Future<?> last;

  StoreBehind(CellStore store) {
    this.store = store;
    this.writer = Executors.newSingleThreadExecutor(task -> new Thread(task, "cell-store-writer"));
    this.onShutdown = new Thread(this::finishOnShutdown, "cell-store-drain");
    Runtime.getRuntime().addShutdownHook(onShutdown);
    // While the first cell trains (or the engine loads), not when its run waits to be stored.
    writer.submit(CellStore::loadWriter);
  }

  /**
   * Waits for the previous run's write (rethrowing its failure), then starts writing {@code run}
   * under content key {@code key} and returns.
   */
  void put(RunResult run, String key) throws IOException {
    await();
    last = writer.submit(() -> {
      store.put(run, key);
      return null;
    });
  }

  /** Waits until every run handed to {@link #put} is stored; rethrows a failed write's error. */
  void await() throws IOException {
    if (last == null) {
      return;
    }
    Future<?> pending = last;
    last = null;
    boolean interrupted = false;
    while (true) {
      try {
        pending.get();
        break;
      } catch (InterruptedException e) {
        // The write is already under way and cannot be abandoned half-done: finish waiting.
        interrupted = true;
      } catch (ExecutionException e) {
        rethrow(e.getCause());
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for the last write, then ends the writer thread. */
  @Override
  public void close() throws IOException {
    try {
      await();
    } finally {
      writer.shutdown();
      try {
        Runtime.getRuntime().removeShutdownHook(onShutdown);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run; it waits for the writer itself
      }
    }
  }

  private void finishOnShutdown() {
    writer.shutdown();
    try {
      writer.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void rethrow(Throwable cause) throws IOException {
    if (cause instanceof IOException io) {
      throw io;
    }
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    throw new IOException(cause);
  }
}
