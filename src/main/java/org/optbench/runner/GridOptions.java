package org.optbench.runner;

import java.io.PrintStream;

/**
 * Which cells of a grid {@link ExperimentRunner} trains, and how many at once.
 *
 * @param force train every cell even when a complete run with the same content key is stored
 * @param shard the part of the grid this invocation runs
 * @param workers cells trained at once: this JVM and {@code workers − 1} child JVMs
 * @param log where to say which cells are reused
 */
public record GridOptions(boolean force, Shard shard, int workers, PrintStream log) {

  /** Reuse complete runs, whole grid, one cell at a time in this JVM, messages to stdout. */
  public static GridOptions defaults() {
    return new GridOptions(false, Shard.ALL, 1, System.out);
  }

  public GridOptions {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
  }
}
