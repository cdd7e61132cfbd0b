package org.optbench.registry;

import static org.optbench.spec.ParamDef.real;

import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.GradientClipping;
import org.optbench.engine.djl.ValueClipping;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.transform.ClipByValue;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** torch.nn.utils.clip_grad_value_. */
final class ValueClipEntry implements ClipEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "value",
      "clamp every gradient element into [−max_value, max_value]",
      "torch.nn.utils.clip_grad_value_",
      List.of(real("max_value", 1.0, Range.POSITIVE, "largest allowed |g| per element")));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public GradientTransform nativeClip(Component clip, int steps) {
    return ClipByValue.clipByValue(clip.number("max_value"));
  }

  @Override
  public GradientClipping engineClip(Component clip) {
    return ValueClipping.create(clip);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of("max_value", 0.05));
  }
}
