package org.optbench.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import org.optbench.io.CellStore;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.RunResult;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.spec.ExperimentSpec;
import org.optbench.workload.Workload;
import org.optbench.workload.Workloads;

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
    Map<Component, Workload> workloads = new HashMap<>();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] task = line.strip().split(" ");
      Cell cell = cells.get(task[0]);
      if (task.length != 2 || cell == null) {
        throw new IllegalArgumentException("worker task '" + line + "' names no cell of " + spec.name());
      }
      Workload workload = workloads.computeIfAbsent(cell.workload(), Workloads::create);
      RunResult result = Engines.forName(cell.engine()).train(cell, workload, RunListener.NONE);
      store.put(result, task[1]);
      out.println(DONE + cell.runId());
      out.flush();
    }
  }
}
