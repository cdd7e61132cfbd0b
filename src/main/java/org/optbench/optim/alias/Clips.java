package org.optbench.optim.alias;

import org.optbench.optim.GradientTransform;
import org.optbench.spec.Component;

/** The catalogue's clipping methods, built by the registry from their resolved components. */
final class Clips {

  private Clips() {}

  /**
   * The transform for a clip component, or null for {@code none}.
   *
   * @param steps the run's length (AutoClip sizes its history with it); 0 when unknown
   */
  static GradientTransform create(Component clip, int steps) {
    return NativeComponentProvider.installed().clip(clip, steps);
  }
}
