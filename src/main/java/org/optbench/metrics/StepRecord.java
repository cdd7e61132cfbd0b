package org.optbench.metrics;

/**
 * What one training step did. Evaluation columns are NaN on steps without an evaluation.
 *
 * @param step 1-based step number
 * @param loss training loss of the step's batch (before the update)
 * @param gradNorm global L2 norm of all gradients before clipping
 * @param gradNormClipped global L2 norm of the gradients the optimizer received
 * @param clipped whether clipping changed the gradients this step
 * @param learningRate learning rate used by this step
 * @param wallMs training wall time since the run started, evaluation excluded, in milliseconds
 * @param evalLoss loss on the held-out split after this step, or NaN
 * @param evalAccuracy accuracy on the held-out split after this step, or NaN (regression)
 */
public record StepRecord(
    int step,
    double loss,
    double gradNorm,
    double gradNormClipped,
    boolean clipped,
    double learningRate,
    double wallMs,
    double evalLoss,
    double evalAccuracy) {

  /** This record with evaluation results attached. */
  public StepRecord withEval(double loss, double accuracy) {
    return new StepRecord(
        step, this.loss, gradNorm, gradNormClipped, clipped, learningRate, wallMs, loss, accuracy);
  }

  /** Whether this step carries an evaluation. */
  public boolean hasEval() {
    return !Double.isNaN(evalLoss);
  }
}
