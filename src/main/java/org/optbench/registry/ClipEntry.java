package org.optbench.registry;

import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.GradientClipping;
import org.optbench.optim.GradientTransform;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;

/**
 * Everything optbench knows about one gradient-clipping method: what a spec may write (its
 * definition), how the native library and the engine clip, and the settings the cross-checks run
 * it at. As {@link OptimizerEntry} for optimizers.
 */
public interface ClipEntry {

  /** What a spec may write. */
  ComponentDef definition();

  /**
   * The native transform of a resolved component, null for no clipping.
   *
   * @param steps the run's length (AutoClip sizes its history with it); 0 when unknown
   */
  GradientTransform nativeClip(Component clip, int steps);

  /** The engine clipping of a resolved component. */
  GradientClipping engineClip(Component clip);

  /**
   * Settings for the cross-checks (values a spec would write; the rest default). The first is
   * crossed with every optimizer; the others run with one.
   */
  List<Map<String, Object>> crossChecks();

  /** The spec name. */
  default String name() {
    return definition().name();
  }
}
