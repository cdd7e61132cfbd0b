package org.optbench.registry;

import static org.optbench.spec.ParamDef.real;

import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.AdaptiveClipping;
import org.optbench.engine.djl.GradientClipping;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.transform.AdaptiveGradClip;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** Adaptive gradient clipping (Brock et al. 2021, §4.1). */
final class AgcClipEntry implements ClipEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "agc",
      "adaptive gradient clipping: unit-wise ‖g‖/max(‖w‖, eps) capped at λ",
      "Brock et al. 2021 (NFNets) §4.1; unit = slice along dim 0 (timm layout)",
      List.of(
          real("clipping", 0.01, Range.POSITIVE, "λ: largest allowed unit-wise ratio"),
          real("eps", 1e-3, Range.POSITIVE, "floor of the weight norm")));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public GradientTransform nativeClip(Component clip, int steps) {
    return AdaptiveGradClip.adaptiveGradClip(clip.number("clipping"), clip.number("eps"));
  }

  @Override
  public GradientClipping engineClip(Component clip) {
    return AdaptiveClipping.create(clip);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of("clipping", 0.05), Map.of("clipping", 0.01, "eps", 1.0));
  }
}
