package org.optbench.registry;

import static org.optbench.spec.ParamDef.integer;
import static org.optbench.spec.ParamDef.optionalReal;
import static org.optbench.spec.ParamDef.real;

import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.GradientClipping;
import org.optbench.engine.djl.ZClipping;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.transform.ZClip;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** ZClip (Kumar et al. 2025), z-score mode with adaptive scaling. */
final class ZClipEntry implements ClipEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "zclip",
      "clip the global norm when its z-score against an EMA of mean/variance exceeds z",
      "Kumar et al. 2025 (ZClip), zscore mode with adaptive scaling",
      List.of(
          real("alpha", 0.97, Range.UNIT_HALF_OPEN, "EMA decay of mean and variance"),
          real("z_threshold", 2.5, Range.POSITIVE, "z-score above which a norm is a spike"),
          integer("warmup_steps", 25, Range.AT_LEAST_ONE, "steps whose norms seed the EMA"),
          real("eps", 1e-6, Range.POSITIVE, "added to σ in the z-score"),
          optionalReal("max_norm", null, Range.POSITIVE,
              "fixed global-norm ceiling on top (null = none)")));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public GradientTransform nativeClip(Component clip, int steps) {
    return ZClip.zClip(clip.number("alpha"), clip.number("z_threshold"),
        clip.integer("warmup_steps"), clip.number("eps"), clip.optionalNumber("max_norm"));
  }

  @Override
  public GradientClipping engineClip(Component clip) {
    return ZClipping.create(clip);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of("warmup_steps", 5), Map.of("warmup_steps", 5, "z_threshold", 0.5, "max_norm", 0.5));
  }
}
