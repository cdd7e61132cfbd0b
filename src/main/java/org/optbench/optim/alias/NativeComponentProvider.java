package org.optbench.optim.alias;

import java.util.ServiceLoader;
import org.optbench.optim.GradientTransform;
import org.optbench.spec.Component;

/**
 * Builds the native implementations of optimizer and clipping components. Implemented by the
 * registry ({@code org.optbench.registry}), which binds every optimizer's and clipping method's
 * definition to its implementations and is found through {@link ServiceLoader}, so that this
 * library need not list them.
 */
public interface NativeComponentProvider {

  /**
   * @param optimizer a resolved optimizer component whose rules hold
   */
  Recipe recipe(Component optimizer);

  /**
   * The transform of a resolved clipping component, or null for {@code none}.
   *
   * @param steps the run's length (AutoClip sizes its history with it); 0 when unknown
   */
  GradientTransform clip(Component clip, int steps);

  /** The registry on the class path. */
  static NativeComponentProvider installed() {
    return Loaded.PROVIDER;
  }

  /** Loaded once, on first use. */
  final class Loaded {
    private Loaded() {}

    static final NativeComponentProvider PROVIDER = ServiceLoader
        .load(NativeComponentProvider.class, NativeComponentProvider.class.getClassLoader())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no registry on the class path"
            + " (META-INF/services/" + NativeComponentProvider.class.getName() + " is missing)"));
  }
}
