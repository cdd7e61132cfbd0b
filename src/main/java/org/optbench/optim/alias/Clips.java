package org.optbench.optim.alias;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.transform.AdaptiveGradClip;
import org.optbench.optim.transform.AutoClip;
import org.optbench.optim.transform.ClipByGlobalNorm;
import org.optbench.optim.transform.ClipByParamNorm;
import org.optbench.optim.transform.ClipByValue;
import org.optbench.optim.transform.LossFeedbackClip;
import org.optbench.optim.transform.LrScaledClip;
import org.optbench.optim.transform.StatClip;
import org.optbench.optim.transform.ZClip;
import org.optbench.spec.Component;

/** The catalogue's clipping methods, built from their resolved components. */
final class Clips {

  private Clips() {}

  /**
   * The transform for a clip component, or null for {@code none}.
   *
   * @param steps the run's length (AutoClip sizes its history with it); 0 when unknown
   */
  static GradientTransform create(Component clip, int steps) {
    return switch (clip.name()) {
      case "none" -> null;
      case "global_norm" -> ClipByGlobalNorm.clipByGlobalNorm(clip.number("max_norm"));
      case "value" -> ClipByValue.clipByValue(clip.number("max_value"));
      case "param_norm" -> ClipByParamNorm.clipByParamNorm(clip.number("max_norm"));
      case "agc" -> AdaptiveGradClip.adaptiveGradClip(clip.number("clipping"), clip.number("eps"));
      case "autoclip" -> AutoClip.autoClip(clip.number("percentile"), steps);
      case "zclip" -> ZClip.zClip(clip.number("alpha"), clip.number("z_threshold"),
          clip.integer("warmup_steps"), clip.number("eps"), clip.optionalNumber("max_norm"));
      case "stat" -> StatClip.statClip(clip.number("k"));
      case "lr_scaled" -> LrScaledClip.lrScaledClip(clip.number("c"));
      case "loss_feedback" -> LossFeedbackClip.lossFeedbackClip(clip.number("initial_norm"),
          clip.number("grow"), clip.number("shrink"), clip.number("min_norm"),
          clip.number("max_norm"));
      default -> throw new IllegalArgumentException("no native implementation of clip '"
          + clip.name() + "'");
    };
  }
}
