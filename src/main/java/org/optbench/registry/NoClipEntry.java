package org.optbench.registry;

import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.GradientClipping;
import org.optbench.optim.GradientTransform;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;

/** No clipping: the gradient reaches the optimizer as the backward pass left it. */
final class NoClipEntry implements ClipEntry {

  private static final ComponentDef DEFINITION =
      new ComponentDef("none", "no clipping", "-", List.of());

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public GradientTransform nativeClip(Component clip, int steps) {
    return null;
  }

  @Override
  public GradientClipping engineClip(Component clip) {
    return GradientClipping.NONE;
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of());
  }
}
