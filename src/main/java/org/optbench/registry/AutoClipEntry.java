package org.optbench.registry;

import static org.optbench.spec.ParamDef.real;

import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.AutoClipping;
import org.optbench.engine.djl.GradientClipping;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.transform.AutoClip;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** AutoClip (Seetharaman et al. 2020). */
final class AutoClipEntry implements ClipEntry {

  private static final Range PERCENT = new Range(0, true, 100, true);

  private static final ComponentDef DEFINITION = new ComponentDef(
      "autoclip",
      "global-norm clipping at the p-th percentile of all gradient norms seen so far",
      "Seetharaman et al. 2020 (AutoClip)",
      List.of(real("percentile", 10.0, PERCENT, "p, in percent, of the norm history")));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public GradientTransform nativeClip(Component clip, int steps) {
    return AutoClip.autoClip(clip.number("percentile"), steps);
  }

  @Override
  public GradientClipping engineClip(Component clip) {
    return AutoClipping.create(clip);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of(), Map.of("percentile", 50.0), Map.of("percentile", 100.0));
  }
}
