package org.optbench.registry;

import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.optbench.engine.djl.TorchRprop;
import org.optbench.optim.alias.Recipe;
import org.optbench.optim.alias.StateFormula;
import org.optbench.optim.transform.RpropUpdate;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;
import org.optbench.spec.RuleViolation;

/** torch.optim.Rprop (Riedmiller &amp; Braun 1993; iRprop⁻ of Igel &amp; Hüsken 2000). */
final class RpropEntry implements OptimizerEntry {

  /** torch.optim.Rprop: 0 &lt; η₋ &lt; 1 &lt; η₊. */
  private static final Range ETA_MINUS = new Range(0, false, 1, false);
  private static final Range ETA_PLUS = new Range(1, false, Double.POSITIVE_INFINITY, false);

  private static final ComponentDef DEFINITION = new ComponentDef(
      "rprop",
      "Rprop: per-coordinate step sizes grown or shrunk by the sign agreement of gradients",
      "Riedmiller & Braun 1993; iRprop- (Igel & Hüsken 2000); torch.optim.Rprop",
      List.of(
          real("lr", 1e-2, Range.POSITIVE,
              "initial step size (read at the first step only, so schedules do not change it)"),
          real("eta_minus", 0.5, ETA_MINUS, "step-size factor after a sign flip, in (0, 1)"),
          real("eta_plus", 1.2, ETA_PLUS, "step-size factor while the sign holds, > 1"),
          real("step_size_min", 1e-6, Range.NON_NEGATIVE, "smallest step size"),
          real("step_size_max", 50.0, Range.POSITIVE, "largest step size")))
      .withRule(RpropEntry::stepSizeBounds);

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return new Recipe("rprop",
        RpropUpdate.rprop(o.number("eta_minus"), o.number("eta_plus"),
            o.number("step_size_min"), o.number("step_size_max")),
        StateFormula.perParam(2, "previous gradient, step size"), DEFINITION.reference());
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchRprop.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    // step_size_max 0.01 in the first setting: with 0.05 or more (the default is 50) the steps
    // grow by 1.2× a step until the small MLP saturates and, under autoclip and stat clipping, its
    // gradients fall to float32's subnormal range, where the two engines' clipping arithmetic
    // rounds differently and Rprop turns sign(g) of such a value into a whole step.
    return List.of(
        Map.of("lr", 1e-3, "step_size_max", 0.01),
        Map.of("lr", 0.05, "eta_minus", 0.3, "eta_plus", 1.5, "step_size_min", 1e-3,
            "step_size_max", 0.1));
  }

  /** The step sizes are clamped to [step_size_min, step_size_max], which must not be empty. */
  private static Optional<RuleViolation> stepSizeBounds(Component rprop) {
    double min = rprop.number("step_size_min");
    double max = rprop.number("step_size_max");
    if (min <= max) {
      return Optional.empty();
    }
    return Optional.of(new RuleViolation("step_size_min",
        "step_size_min must be <= step_size_max (the step sizes are clamped between them), got "
            + "step_size_min " + Component.format(min) + " and step_size_max "
            + Component.format(max)));
  }
}
