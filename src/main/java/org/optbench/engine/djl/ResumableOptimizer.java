package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.optbench.optim.OptimizerSnapshot;

/**
 * An engine optimizer whose state can be saved between two steps and restored into a fresh one,
 * in the native optimizer's layout ({@link OptimizerSnapshot}): with the parameters, a run
 * continued from the snapshot takes the same steps, bit for bit, as one that never stopped.
 */
interface ResumableOptimizer {

  /** A copy of the state of the parameters, in their order. */
  OptimizerSnapshot snapshot(List<String> parameterIds);

  /**
   * Puts a snapshot back into this (fresh) optimizer; the weights, already holding the saved
   * parameters, give the state arrays their shapes.
   */
  void restore(List<String> parameterIds, List<NDArray> weights, OptimizerSnapshot snapshot);
}
