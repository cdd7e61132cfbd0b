package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.function.Supplier;

/**
 * A step's Hessian-diagonal estimate for optimizers that take one (Sophia), as the training loop
 * hands it to a {@link StepStrategy}: per parameter, an array in the weight's shape, computed at
 * the parameters the step's gradients were taken at, or none on steps where no optimizer wants
 * one. Strategies pass it on to their optimizers: the engine optimizer through {@link
 * TorchOptimizer#giveHessianDiagonal}, the native one through its step's context.
 *
 * @param estimate per parameter, the estimate; null when none is due this step
 * @param again computes the estimate anew at the parameters now in the model, on the same batch
 *     and with the same random draws, and returns it in the same arrays (which {@code estimate}
 *     then holds too); the trajectory cross-check's native side steps from its own parameters
 */
record HessianInput(List<NDArray> estimate, Supplier<List<NDArray>> again) {

  /** No estimate this step. */
  static final HessianInput NONE = new HessianInput(null, () -> null);

  /** Whether this step has an estimate. */
  boolean due() {
    return estimate != null;
  }
}
