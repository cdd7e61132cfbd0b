package org.optbench.metrics;

/**
 * What one training step did. Evaluation columns are NaN on steps without an evaluation.
 *
 * @param step 1-based step number
 * @param loss training loss of the step's batch (before the update)
 * @param gradNorm global L2 norm of all gradients before clipping
 * @param gradNormClipped global L2 norm of the gradients the optimizer received
 * @param clipped whether clipping changed the gradients this step
 * @param clipThreshold the clipping threshold in force this step (max_norm for fixed methods, the
 *     adaptive value for autoclip, zclip, stat, lr_scaled and loss_feedback, λ for agc), or NaN
 *     without clipping
 * @param learningRate learning rate used by this step (base lr × schedule factor; the schedule
 *     factor alone for relative-step Adafactor, whose step size is its own)
 * @param stepSize the step size the optimizer actually applied: {@code learningRate} for
 *     optimizers that use it as given; for Adafactor αₜ = ρₜ·max(ε₂, RMS(p)) (Shazeer &amp; Stern
 *     2018, Alg. 4), which differs per tensor, averaged over tensors weighted by element count
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
    double clipThreshold,
    double learningRate,
    double stepSize,
    double wallMs,
    double evalLoss,
    double evalAccuracy) {

  /** This record with evaluation results attached. */
  public StepRecord withEval(double loss, double accuracy) {
    return new StepRecord(
        step, this.loss, gradNorm, gradNormClipped, clipped, clipThreshold, learningRate, stepSize,
        wallMs, loss, accuracy);
  }

  /** Whether this step carries an evaluation. */
  public boolean hasEval() {
    return !Double.isNaN(evalLoss);
  }
}
