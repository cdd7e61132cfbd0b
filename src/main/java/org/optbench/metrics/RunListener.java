package org.optbench.metrics;

import org.optbench.spec.Cell;

/**
 * Receives training events as they happen, so that progress display and logging stay out of the
 * training loop (DJL's TrainingListener plays the same role for EasyTrain).
 */
public interface RunListener {

  /** A listener that ignores everything. */
  RunListener NONE = new RunListener() {};

  /** Called after every training step, with evaluation results when the step had one. */
  default void onStep(Cell cell, StepRecord step) {}

  /**
   * Called once when a run ends, just before {@link #onRunEnd}: throughput in examples or tokens
   * per second and, for language models, the text sample.
   */
  default void onArtifacts(Cell cell, RunArtifacts artifacts) {}

  /** Called once when a run ends, diverged or not. */
  default void onRunEnd(RunSummary summary) {}
}
