package org.optbench.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import org.optbench.io.CellStore;
import org.optbench.metrics.RunListener;
import org.optbench.spec.Cell;
import org.optbench.spec.ExperimentSpec;

/**
 * The child side of {@link WorkerPool}: reads one task per line, {@code <run_id> <content key>},
 * trains that cell of the spec, stores it, and answers {@code done <run_id>}; ends at end of input.
 * One engine per JVM, its thread count fixed before it loads, as libtorch requires.
 */
public final class CellWorker {

  static final String DONE = "done ";

  private CellWorker() {}

  /** Serves tasks from {@code in} until it ends, answering on {@code out}. */
  public static void serve(ExperimentSpec spec, CellStore store, BufferedReader in, PrintStream out)
      throws IOException {
    Map<String, Cell> cells = new HashMap<>();
    spec.cells().forEach(cell -> cells.put(cell.runId(), cell));
    try (LocalTrainer trainer = new LocalTrainer(store)) {
      serve(spec, store, cells, trainer, in, out);
    }
  }

  private static void serve(ExperimentSpec spec, CellStore store, Map<String, Cell> cells,
      LocalTrainer trainer, BufferedReader in, PrintStream out) throws IOException {
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] task = line.strip().split(" ");
      Cell cell = cells.get(task[0]);
      if (cell == null && task.length == 2) {
        // A rerun of a study's selected trial: known once the study's trials are stored.
        TunedGrid.reruns(spec, spec.cells(), store::find).forEach(c -> cells.put(c.runId(), c));
        cell = cells.get(task[0]);
      }
      if (task.length != 2 || cell == null) {
        throw new IllegalArgumentException("worker task '" + line + "' names no cell of " + spec.name());
      }
      trainer.train(cell, task[1], RunListener.NONE);
      // The parent reads the run from the store as soon as it hears "done".
      trainer.awaitStored();
      out.println(DONE + cell.runId());
      out.flush();
    }
  }
}
