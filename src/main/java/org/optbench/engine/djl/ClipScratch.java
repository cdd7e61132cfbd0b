package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * One float32 scratch array per parameter for a clipping method that works in place (as the
 * engine-side optimizers' scratch, see {@link TorchOptimizer}): made once, in a sub-manager of
 * the first weight's manager, so it goes when the model goes. Each array is flat, with the
 * parameter's element count; its contents are whatever the last step left.
 */
final class ClipScratch {

  private NDManager manager;
  private NDArray[] arrays;

  /**
   * Makes the arrays on the first call; later calls check nothing else. Call it while the
   * weights are with their own manager, not a step's temporaries'.
   */
  void reserve(List<NDArray> weights) {
    if (arrays != null || weights.isEmpty()) {
      return;
    }
    manager = weights.get(0).getManager().newSubManager();
    arrays = new NDArray[weights.size()];
    for (int i = 0; i < arrays.length; i++) {
      arrays[i] = manager.zeros(new Shape(weights.get(i).getShape().size()), DataType.FLOAT32);
    }
  }

  /** Parameter i's array; {@link #reserve} must have run. */
  NDArray get(int i) {
    if (arrays == null) {
      throw new IllegalStateException("clipping scratch used before reserve()");
    }
    return arrays[i];
  }

  /** target ← source in place ({@link InPlaceCopy}). */
  void copy(NDArray target, NDArray source) {
    InPlaceCopy.into(target, source);
  }
}
