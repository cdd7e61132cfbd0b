package org.optbench.registry;

import static org.optbench.spec.ParamDef.real;

import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.GlobalNormClipping;
import org.optbench.engine.djl.GradientClipping;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.transform.ClipByGlobalNorm;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** torch.nn.utils.clip_grad_norm_ over all tensors (Pascanu et al. 2013). */
final class GlobalNormClipEntry implements ClipEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "global_norm",
      "rescale all gradients together when their joint L2 norm exceeds max_norm",
      "torch.nn.utils.clip_grad_norm_ (Pascanu et al. 2013)",
      List.of(real("max_norm", 1.0, Range.POSITIVE, "largest allowed global L2 norm")));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public GradientTransform nativeClip(Component clip, int steps) {
    return ClipByGlobalNorm.clipByGlobalNorm(clip.number("max_norm"));
  }

  @Override
  public GradientClipping engineClip(Component clip) {
    return GlobalNormClipping.create(clip);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of("max_norm", 0.5), Map.of("max_norm", 1e-3));
  }
}
