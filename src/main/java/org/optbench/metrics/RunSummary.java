package org.optbench.metrics;

import org.optbench.spec.Cell;

/**
 * One run's outcome, one row of {@code runs.csv}.
 *
 * @param cell what ran
 * @param stepsDone steps actually trained (fewer than {@code cell.steps()} when diverged)
 * @param finalLoss training loss of the last finite step
 * @param bestLoss lowest training loss seen
 * @param finalEvalLoss last held-out loss, or NaN
 * @param finalAccuracy last held-out accuracy, or NaN
 * @param diverged whether the loss or a parameter became NaN/Inf
 * @param divergedStep the step at which divergence was detected, or -1
 * @param stepsPerSecond training steps per second, evaluation excluded
 * @param wallSeconds training wall time, evaluation excluded
 * @param paramCount number of trainable scalars
 * @param paramBytes bytes of parameter storage (float32)
 * @param optimizerStateBytes bytes of the arrays the optimizer actually holds
 * @param clippedFraction fraction of steps where clipping changed the gradients
 * @param finalLossAvg mean training loss over the last {@link #averagedSteps} steps: the final
 *     training loss with minibatch noise averaged out; NaN when the run diverged
 * @param evalSeconds wall time spent in held-out evaluations, excluded from {@code wallSeconds}
 * @param warmupSeconds wall time of the untimed warm-up this process ran before this run (the
 *     first run of a workload on an engine in a process; 0 otherwise), excluded likewise
 */
public record RunSummary(
    Cell cell,
    int stepsDone,
    double finalLoss,
    double bestLoss,
    double finalEvalLoss,
    double finalAccuracy,
    boolean diverged,
    int divergedStep,
    double stepsPerSecond,
    double wallSeconds,
    long paramCount,
    long paramBytes,
    long optimizerStateBytes,
    double clippedFraction,
    double finalLossAvg,
    double evalSeconds,
    double warmupSeconds) {

  /**
   * How many final steps {@link #finalLossAvg} averages over a run of {@code steps} steps: a
   * tenth of them, at least one.
   */
  public static int averagedSteps(int steps) {
    return Math.max(1, (int) Math.ceil(steps / 10.0));
  }

  /** This summary with the warm-up time that preceded the run. */
  public RunSummary withWarmupSeconds(double seconds) {
    return new RunSummary(cell, stepsDone, finalLoss, bestLoss, finalEvalLoss, finalAccuracy,
        diverged, divergedStep, stepsPerSecond, wallSeconds, paramCount, paramBytes,
        optimizerStateBytes, clippedFraction, finalLossAvg, evalSeconds, seconds);
  }
}
