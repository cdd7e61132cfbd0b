package org.optbench.registry;

import static org.optbench.spec.ParamDef.real;

import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.GradientClipping;
import org.optbench.engine.djl.LrScaledClipping;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.transform.LrScaledClip;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** optbench's clipping at a threshold proportional to the current learning rate. */
final class LrScaledClipEntry implements ClipEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "lr_scaled",
      "global-norm clipping with threshold c·lr, following the schedule",
      "optbench (threshold proportional to the current learning rate)",
      List.of(real("c", 1000.0, Range.POSITIVE, "threshold per unit of learning rate")));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public GradientTransform nativeClip(Component clip, int steps) {
    return LrScaledClip.lrScaledClip(clip.number("c"));
  }

  @Override
  public GradientClipping engineClip(Component clip) {
    return LrScaledClipping.create(clip);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of("c", 30.0));
  }
}
