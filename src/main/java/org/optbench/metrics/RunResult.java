package org.optbench.metrics;

import java.util.List;

/**
 * A finished run: its summary and every step it trained.
 *
 * @param summary the {@code runs.csv} row
 * @param steps the {@code steps.csv} rows, in step order
 */
public record RunResult(RunSummary summary, List<StepRecord> steps) {
  public RunResult {
    steps = List.copyOf(steps);
  }
}
