package org.optbench.engine.djl;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ServiceLoader;
import org.optbench.spec.Component;

/**
 * Builds the engine implementations (torch's semantics on NDArrays) of optimizer and clipping
 * components. Implemented by the registry ({@code org.optbench.registry}), which binds every
 * optimizer's and clipping method's definition to its implementations and is found through
 * {@link ServiceLoader}, so that the engine need not list them.
 */
public interface EngineComponentProvider {

  /**
   * @param optimizer a resolved optimizer component whose rules hold
   * @param learningRate the learning rate per step (lr × the schedule's factor)
   */
  Optimizer optimizer(Component optimizer, Tracker learningRate);

  /** The clipping of a resolved clipping component ({@link GradientClipping#NONE} for none). */
  GradientClipping clipping(Component clip);

  /** The registry on the class path. */
  static EngineComponentProvider installed() {
    return Loaded.PROVIDER;
  }

  /** Loaded once, on first use. */
  final class Loaded {
    private Loaded() {}

    static final EngineComponentProvider PROVIDER = ServiceLoader
        .load(EngineComponentProvider.class, EngineComponentProvider.class.getClassLoader())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no registry on the class path"
            + " (META-INF/services/" + EngineComponentProvider.class.getName() + " is missing)"));
  }
}
