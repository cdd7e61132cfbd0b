package org.optbench.optim.alias;

import java.util.ServiceLoader;
import org.optbench.spec.Component;

/**
 * Builds the native recipe of an optimizer component. Implemented by the optimizer registry
 * ({@code org.optbench.registry}), which binds every optimizer's definition to its
 * implementations and is found through {@link ServiceLoader}, so that this library need not list
 * the optimizers.
 */
public interface NativeOptimizerProvider {

  /**
   * @param optimizer a resolved optimizer component
   * @throws IllegalArgumentException when its hyperparameters break one of its rules
   */
  Recipe recipe(Component optimizer);

  /** The registry on the class path. */
  static NativeOptimizerProvider installed() {
    return Loaded.PROVIDER;
  }

  /** Loaded once, on first use. */
  final class Loaded {
    private Loaded() {}

    static final NativeOptimizerProvider PROVIDER = ServiceLoader
        .load(NativeOptimizerProvider.class, NativeOptimizerProvider.class.getClassLoader())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no optimizer registry on the class path"
            + " (META-INF/services/" + NativeOptimizerProvider.class.getName() + " is missing)"));
  }
}
