package org.optbench.registry;

import static org.optbench.spec.ParamDef.real;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.optbench.engine.djl.GradientClipping;
import org.optbench.engine.djl.LossFeedbackClipping;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.transform.LossFeedbackClip;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;
import org.optbench.spec.RuleViolation;

/** optbench's global-norm clipping with a threshold driven by the training loss. */
final class LossFeedbackClipEntry implements ClipEntry {

  private static final Range GROWTH = new Range(1, true, Double.POSITIVE_INFINITY, false);
  private static final Range SHRINK = new Range(0, false, 1, true);

  private static final ComponentDef DEFINITION = new ComponentDef(
      "loss_feedback",
      "global-norm clipping whose threshold grows when the loss rises and shrinks when it falls",
      "optbench (multiplicative threshold feedback on the training loss)",
      List.of(
          real("initial_norm", 1.0, Range.POSITIVE, "threshold at step 1"),
          real("grow", 1.1, GROWTH, "factor applied when the loss rose"),
          real("shrink", 0.99, SHRINK, "factor applied when the loss fell"),
          real("min_norm", 1e-2, Range.POSITIVE, "lower bound of the threshold"),
          real("max_norm", 1e2, Range.POSITIVE, "upper bound of the threshold")))
      .withRule(LossFeedbackClipEntry::bounds);

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public GradientTransform nativeClip(Component clip, int steps) {
    return LossFeedbackClip.lossFeedbackClip(clip.number("initial_norm"), clip.number("grow"),
        clip.number("shrink"), clip.number("min_norm"), clip.number("max_norm"));
  }

  @Override
  public GradientClipping engineClip(Component clip) {
    return LossFeedbackClipping.create(clip);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of(), Map.of("initial_norm", 0.5, "grow", 1.5, "shrink", 0.5));
  }

  private static Optional<RuleViolation> bounds(Component clip) {
    double min = clip.number("min_norm");
    double max = clip.number("max_norm");
    if (min <= max) {
      return Optional.empty();
    }
    return Optional.of(new RuleViolation("min_norm",
        "min_norm must be <= max_norm (they bound the threshold), got min_norm "
            + Component.format(min) + " and max_norm " + Component.format(max)));
  }
}
