package org.optbench.metrics;

import java.util.ArrayList;
import java.util.List;
import org.optbench.spec.Cell;

/**
 * Collects a run's step records and derives its summary, identically for every engine.
 *
 * <p>Divergence policy: a run has diverged at step k when step k's training loss, its gradient
 * norm, an evaluation loss, or a parameter after the final update is NaN or infinite. The row of
 * step k is kept (it shows the non-finite value) and training stops there: no later step is
 * recorded, so nothing after a divergence is invented.
 */
public final class RunAccumulator {

  private final Cell cell;
  private final List<StepRecord> steps = new ArrayList<>();
  private int divergedStep = -1;
  private double evalMs;

  public RunAccumulator(Cell cell) {
    this.cell = cell;
  }

  /** Adds a step; returns false once the run has diverged. */
  public boolean add(StepRecord step) {
    steps.add(step);
    boolean finite =
        Double.isFinite(step.loss())
            && Double.isFinite(step.gradNorm())
            && (!step.hasEval() || Double.isFinite(step.evalLoss()));
    if (!finite && divergedStep < 0) {
      divergedStep = step.step();
    }
    return divergedStep < 0;
  }

  /** Replaces the last step, e.g. to attach evaluation results; re-applies the policy. */
  public boolean replaceLast(StepRecord step) {
    steps.remove(steps.size() - 1);
    return add(step);
  }

  /** Adds the wall time of one held-out evaluation, which the training time excludes. */
  public void addEvalTime(double ms) {
    evalMs += ms;
  }

  /** Marks divergence found outside the step records (e.g. non-finite parameters). */
  public void markDiverged(int step) {
    if (divergedStep < 0) {
      divergedStep = step;
    }
  }

  public boolean diverged() {
    return divergedStep >= 0;
  }

  /** Builds the run's result; memory figures come from the engine. */
  public RunResult finish(long paramCount, long paramBytes, long optimizerStateBytes) {
    double finalLoss = Double.NaN;
    double bestLoss = Double.NaN;
    double finalEvalLoss = Double.NaN;
    double finalAccuracy = Double.NaN;
    int clippedSteps = 0;
    double wallMs = 0;
    for (StepRecord step : steps) {
      if (Double.isFinite(step.loss())) {
        finalLoss = step.loss();
        bestLoss = Double.isNaN(bestLoss) ? step.loss() : Math.min(bestLoss, step.loss());
      }
      if (step.hasEval()) {
        finalEvalLoss = step.evalLoss();
        finalAccuracy = step.evalAccuracy();
      }
      if (step.clipped()) {
        clippedSteps++;
      }
      wallMs = step.wallMs();
    }
    int done = steps.size();
    double seconds = wallMs / 1000.0;
    int k = RunSummary.averagedSteps(cell.steps());
    double finalLossAvg = Double.NaN;
    if (!diverged() && done >= k) {
      double sum = 0;
      for (StepRecord step : steps.subList(done - k, done)) {
        sum += step.loss();
      }
      finalLossAvg = sum / k;
    }
    RunSummary summary =
        new RunSummary(
            cell,
            done,
            finalLoss,
            bestLoss,
            finalEvalLoss,
            finalAccuracy,
            diverged(),
            divergedStep,
            seconds > 0 ? done / seconds : Double.NaN,
            seconds,
            paramCount,
            paramBytes,
            optimizerStateBytes,
            done == 0 ? 0.0 : (double) clippedSteps / done,
            finalLossAvg,
            evalMs / 1000.0,
            0.0);
    return new RunResult(summary, recorded(done));
  }

  /** The steps the step table keeps ({@link Cell#recordsStep}); the summary used them all. */
  private List<StepRecord> recorded(int done) {
    if (cell.recordEvery() <= 1) {
      return steps;
    }
    List<StepRecord> kept = new ArrayList<>();
    for (StepRecord step : steps) {
      if (cell.recordsStep(step.step(), done, step.hasEval())) {
        kept.add(step);
      }
    }
    return kept;
  }
}
