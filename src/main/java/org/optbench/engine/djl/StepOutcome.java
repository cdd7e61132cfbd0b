package org.optbench.engine.djl;

/**
 * What a training step reports besides the loss: the global gradient norm after clipping, the
 * clipping threshold in force (NaN without clipping) and the step size the optimizer applied.
 *
 * @param normAfter global L2 norm of the gradients the optimizer received
 * @param clipThreshold the clipping method's threshold this step, or NaN
 * @param stepSize the learning rate as applied: the scheduled lr, or Adafactor's αₜ averaged over
 *     tensors by element count
 */
record StepOutcome(double normAfter, double clipThreshold, double stepSize) {}
