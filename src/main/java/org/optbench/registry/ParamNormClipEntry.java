package org.optbench.registry;

import static org.optbench.spec.ParamDef.real;

import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.GradientClipping;
import org.optbench.engine.djl.ParamNormClipping;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.transform.ClipByParamNorm;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** torch.nn.utils.clip_grad_norm_ applied to each tensor on its own. */
final class ParamNormClipEntry implements ClipEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "param_norm",
      "rescale each tensor's gradient on its own when its L2 norm exceeds max_norm",
      "torch.nn.utils.clip_grad_norm_ applied to one tensor at a time",
      List.of(real("max_norm", 1.0, Range.POSITIVE, "largest allowed L2 norm per tensor")));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public GradientTransform nativeClip(Component clip, int steps) {
    return ClipByParamNorm.clipByParamNorm(clip.number("max_norm"));
  }

  @Override
  public GradientClipping engineClip(Component clip) {
    return ParamNormClipping.create(clip);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of("max_norm", 0.5));
  }
}
