package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * What the two engine-side Adafactors share: a float32 and a float64 scratch array, one pair for
 * all parameters ({@link SharedScratch}), and steps that free their own few temporaries (the row
 * and column statistics, √, the floor's maximum) rather than leaving them to a sub-manager.
 */
abstract class FactoredOptimizer extends TorchOptimizer {

  FactoredOptimizer(Builder<?> builder) {
    super(builder);
  }

  @Override
  protected final int scratchArrays() {
    return 2;
  }

  private SharedScratch shared;

  @Override
  protected final NDArray[] scratchFor(String parameterId, NDArray weight, NDManager manager) {
    if (shared == null) {
      shared = new SharedScratch(manager);
    }
    return shared.of(parameterId, weight);
  }
}
