package org.optbench.registry;

import static org.optbench.spec.ParamDef.real;

import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.GradientClipping;
import org.optbench.engine.djl.StatClipping;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.transform.StatClip;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** optbench's statistical element clipping (docs/optimizers.md). */
final class StatClipEntry implements ClipEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "stat",
      "clamp each element into [−τ, τ], τ = mean + k·std of the tensor's |g|",
      "optbench (statistical element clipping)",
      List.of(real("k", 3.0, Range.POSITIVE, "standard deviations above the mean")));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public GradientTransform nativeClip(Component clip, int steps) {
    return StatClip.statClip(clip.number("k"));
  }

  @Override
  public GradientClipping engineClip(Component clip) {
    return StatClipping.create(clip);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of(), Map.of("k", 0.5));
  }
}
