package org.optbench.engine.djl;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ServiceLoader;
import org.optbench.spec.Component;

/**
 * Builds the engine optimizer (torch.optim's semantics on NDArrays) of an optimizer component.
 * Implemented by the optimizer registry ({@code org.optbench.registry}), which binds every
 * optimizer's definition to its implementations and is found through {@link ServiceLoader}, so
 * that the engine need not list the optimizers.
 */
public interface EngineOptimizerProvider {

  /**
   * @param optimizer a resolved optimizer component whose rules hold
   * @param learningRate the learning rate per step (lr × the schedule's factor)
   */
  Optimizer create(Component optimizer, Tracker learningRate);

  /** The registry on the class path. */
  static EngineOptimizerProvider installed() {
    return Loaded.PROVIDER;
  }

  /** Loaded once, on first use. */
  final class Loaded {
    private Loaded() {}

    static final EngineOptimizerProvider PROVIDER = ServiceLoader
        .load(EngineOptimizerProvider.class, EngineOptimizerProvider.class.getClassLoader())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no optimizer registry on the class path"
            + " (META-INF/services/" + EngineOptimizerProvider.class.getName() + " is missing)"));
  }
}
