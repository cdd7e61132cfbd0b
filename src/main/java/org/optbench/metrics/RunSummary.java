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
    double clippedFraction) {}
