package org.optbench.metrics;

import java.util.List;

/**
 * A finished run: its summary, every step it trained, and what else it produced.
 *
 * @param summary the {@code runs.csv} row
 * @param steps the {@code steps.csv} rows, in step order
 * @param artifacts throughput in the workload's units and text samples
 */
public record RunResult(RunSummary summary, List<StepRecord> steps, RunArtifacts artifacts) {
  public RunResult {
    steps = List.copyOf(steps);
  }

  /** A result with nothing beyond its summary and steps. */
  public RunResult(RunSummary summary, List<StepRecord> steps) {
    this(summary, steps, RunArtifacts.NONE);
  }

  /** This result with another summary (e.g. with its warm-up time recorded). */
  public RunResult withSummary(RunSummary other) {
    return new RunResult(other, steps, artifacts);
  }

  /** This result with its artifacts attached. */
  public RunResult withArtifacts(RunArtifacts more) {
    return new RunResult(summary, steps, more);
  }
}
