package org.optbench.runner;

import java.io.IOException;
import org.optbench.engine.djl.DjlCrossCheck;
import org.optbench.io.ResultSetWriter;
import org.optbench.metrics.CrossCheckResult;
import org.optbench.spec.Cell;
import org.optbench.spec.CrossCheckMode;
import org.optbench.workload.Workload;

/**
 * Runs the spec's {@code crosscheck:} for a cell just trained: each cell on engine djl gets a
 * second, cross-checked run of its engine-side optimizer against the native one (cells on other
 * engines are covered by their djl twin). Results go to {@code crosscheck.csv}.
 */
final class CrossChecks {

  private CrossChecks() {}

  static void after(CrossCheckMode mode, Cell cell, Workload workload, ResultSetWriter writer)
      throws IOException {
    if (mode == CrossCheckMode.NONE || !cell.engine().equals("djl")) {
      return;
    }
    CrossCheckResult result = DjlCrossCheck.run(cell, workload, mode.word());
    writer.addCrossCheck(result);
  }
}
