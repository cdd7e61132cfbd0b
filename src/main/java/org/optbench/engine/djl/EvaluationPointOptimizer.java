package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * The engine side of {@link org.optbench.optim.EvaluationPoint}: an optimizer whose iterate is
 * not the point to evaluate the model at (Schedule-Free's x). The training loop moves the weights
 * there around every evaluation and back afterwards, bit for bit.
 */
interface EvaluationPointOptimizer {

  /**
   * Whether the weights move at all: always for an optimizer that has an evaluation point; for
   * parameter groups, only when one group's optimizer has one.
   */
  default boolean movesEvaluation() {
    return true;
  }

  /**
   * Overwrites each weight with its evaluation point, keeping the training point aside; a weight
   * not yet updated is its own evaluation point and stays.
   */
  void toEvaluationPoint(List<String> parameterIds, List<NDArray> weights);

  /** Puts back the training point {@link #toEvaluationPoint} kept aside. */
  void toTrainingPoint(List<String> parameterIds, List<NDArray> weights);
}
