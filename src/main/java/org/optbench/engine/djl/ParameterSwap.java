package org.optbench.engine.djl;

/**
 * Puts the model's parameters back where training left them when closed; made by {@link
 * StepStrategy#evaluationPoint} around an evaluation.
 */
interface ParameterSwap extends AutoCloseable {

  /** Nothing was moved. */
  ParameterSwap NONE = () -> {};

  @Override
  void close();
}
