package org.optbench.optim;

/**
 * A transform whose iterate is not the point to evaluate the model at. Schedule-Free methods
 * (Defazio et al. 2024) take gradients at an interpolation y of two sequences and report the
 * average x: training loss belongs to y, held-out metrics to x. Runners ask for the point before
 * every evaluation and go back to the training parameters afterwards; transforms without this
 * capability are evaluated at their iterate.
 */
public interface EvaluationPoint {

  /**
   * Whether the point can differ from the parameters under {@code state}: always for an
   * optimizer that has one; for a transform that forwards its parts' points (parameter groups),
   * only when one of its parts has one.
   */
  default boolean movesEvaluation(TransformState state) {
    return true;
  }

  /**
   * Writes the evaluation point of {@code params} into {@code into}; neither {@code params} nor
   * the state changes.
   *
   * @param params the training parameters (the iterate the transform steps)
   * @param state this transform's state from {@code init}
   * @param into shaped like {@code params}; overwritten
   */
  void evaluationPoint(ParamTree params, TransformState state, ParamTree into);
}
