package org.optbench.runner;

import org.optbench.engine.djl.EnginePreload;
import org.optbench.io.CellStore;
import org.optbench.io.DuckDbPreload;

/**
 * Start-up work that does not depend on the specs, done on a thread of its own while the main
 * thread parses and plans: loading libtorch ({@link EnginePreload}), Tablesaw's CSV writer
 * ({@link CellStore#loadWriter}, whose first use scans the class path) and DuckDB ({@link
 * DuckDbPreload}). On a machine with a spare core this takes them off the critical path.
 *
 * <p>Timed steps never overlap it: {@link LocalTrainer} waits for it to end before the first
 * timed cell (after the untimed warm-up), so it cannot compete with a measured step for a core,
 * the caches or memory bandwidth. A failure here is ignored: the same load runs again where it is
 * needed and reports its error there, with its context.
 */
public final class WarmStart {

  private static Thread thread;

  private WarmStart() {}

  /**
   * Starts the warm start once per process. Call after the engine's thread counts are set and
   * only where this process will train (not in the parent of {@code --workers}).
   */
  public static synchronized void begin() {
    if (thread != null) {
      return;
    }
    thread = new Thread(WarmStart::load, "optbench-warm-start");
    thread.setDaemon(true);
    thread.start();
  }

  /** Waits for a started warm start to end; returns at once if none was started. */
  static void await() {
    Thread started;
    synchronized (WarmStart.class) {
      started = thread;
    }
    if (started == null) {
      return;
    }
    try {
      started.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void load() {
    try {
      EnginePreload.load();
    } catch (RuntimeException | LinkageError ignored) {
      // reported by the cell that needs the engine
    }
    try {
      CellStore.loadWriter();
    } catch (RuntimeException | LinkageError ignored) {
      // reported by the first run stored
    }
    try {
      DuckDbPreload.open();
    } catch (Exception | LinkageError ignored) {
      // reported by the first write of steps.parquet
    }
  }
}
