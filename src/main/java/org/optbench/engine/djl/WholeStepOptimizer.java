package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of the engine optimizers whose update of one tensor depends on every tensor of the step.
 * D-Adaptation (Defazio &amp; Mishchenko 2023) and Prodigy (Mishchenko &amp; Defazio 2023) scale
 * Adam's step by an estimate d of the distance to the solution, made from an inner product and
 * an L1 norm over the whole model; the d a step uses, and Prodigy's ε term, must see every
 * tensor's contribution before any tensor moves. DJL hands an optimizer one parameter at a time,
 * so these optimizers step only through {@link #updateAll}; the per-parameter entry points
 * ({@code update}, {@code updateLive}) refuse.
 *
 * <p>The sums stay on libtorch: each tensor contributes one NDArray reduction (a 0-dim tensor),
 * read back as a float and added in double across tensors, as the engine's global gradient norm
 * is ({@link GradientClipping#globalNorm}). The scalars d and the weighted numerator are Java
 * doubles, like the native transform's, so both engines start each step from the same d.
 */
abstract class WholeStepOptimizer extends TorchOptimizer {

  private final List<ParameterStep> parameters = new ArrayList<>();

  WholeStepOptimizer(Tracker learningRate) {
    super(new LearningRateOnly(learningRate));
  }

  /**
   * Applies one step to every parameter.
   *
   * @param step the 1-based step, the same for every parameter
   * @param lr the learning rate for this step
   * @param parameters each parameter's weight, gradient (overwritable), state and scratch arrays
   */
  protected abstract void applyAll(int step, float lr, List<ParameterStep> parameters);

  @Override
  final void updateAll(List<String> ids, List<NDArray> weights, List<NDArray> gradients) {
    parameters.clear();
    for (int i = 0; i < ids.size(); i++) {
      parameters.add(prepare(ids.get(i), weights.get(i), gradients.get(i)));
    }
    int step = parameters.get(0).step();
    for (ParameterStep p : parameters) {
      if (p.step() != step) {
        throw new IllegalStateException(getClass().getSimpleName() + " steps every parameter"
            + " together: a parameter is at update " + p.step() + ", the first at " + step);
      }
    }
    applyAll(step, learningRate(step), parameters);
    for (NDArray gradient : gradients) {
      gradient.subi(gradient);
    }
  }

  /** Never called: a step needs every parameter at once ({@link #updateAll}). */
  @Override
  protected final void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " updates all"
        + " parameters of a step together (updateAll): its step size is a sum over all of them");
  }

  /** The sum of an array's elements, reduced by libtorch in the array's float32. */
  static double sum(NDArray values) {
    try (NDArray total = values.sum()) {
      return total.getFloat();
    }
  }
}
