package org.optbench.registry;

import static org.optbench.spec.ParamDef.flag;
import static org.optbench.spec.ParamDef.optionalReal;
import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.optbench.engine.djl.HfAdafactor;
import org.optbench.optim.alias.NativeOptimizers;
import org.optbench.optim.alias.Optimizers;
import org.optbench.optim.alias.Recipe;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;
import org.optbench.spec.RuleViolation;

/** Adafactor (Shazeer &amp; Stern 2018) as transformers.optimization.Adafactor computes it. */
final class AdafactorEntry implements OptimizerEntry {

  /** Adafactor's decay exponent: β̂2ₜ = 1 − t^c needs c < 0 (torch.optim.Adafactor: ≤ 0). */
  static final Range NEGATIVE = new Range(Double.NEGATIVE_INFINITY, false, 0, true);

  private static final ComponentDef DEFINITION = new ComponentDef(
      "adafactor",
      "Adafactor: factored second moment, relative step size, update clipping",
      "Shazeer & Stern 2018; transformers.optimization.Adafactor",
      List.of(
          optionalReal("lr", null, Range.POSITIVE, "external step size; null = relative step"),
          real("eps1", 1e-30, Range.POSITIVE, "added to g² (ε₁)"),
          real("eps2", 1e-3, Range.POSITIVE, "floor of the parameter RMS in the step size (ε₂)"),
          optionalReal("clip_threshold", 1.0, Range.POSITIVE,
              "update clipping threshold d; null = no update clipping"),
          real("decay_rate", -0.8, NEGATIVE, "β̂2ₜ = 1 − t^decay_rate (unless beta2 is set)"),
          optionalReal("beta2", null, Hyperparameters.BETA,
              "constant decay, bias-corrected: β̂2ₜ = β2(1 − β2^(t−1))/(1 − β2^t); null = decay_rate"),
          optionalReal("beta1", null, Hyperparameters.BETA, "first-moment decay; null = no momentum"),
          real("weight_decay", 0.0, Range.NON_NEGATIVE, "decoupled decay, times the step size"),
          flag("scale_parameter", true, "multiply the step by max(ε₂, RMS(p))"),
          flag("relative_step", true, "ρₜ = min(10⁻², 1/√t) instead of lr"),
          flag("warmup_init", false, "ρₜ = min(10⁻⁶·t, 1/√t) (needs relative_step)"),
          flag("factored", true,
              "row and column second moments for rank ≥ 2 tensors; false keeps the full v")))
      .withRule(AdafactorEntry::stepSize);

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return Optimizers.adafactor(o.number("eps1"), o.number("eps2"),
        NativeOptimizers.updateClipThreshold(o), NativeOptimizers.secondMomentDecay(o),
        o.optionalNumber("beta1"), o.number("weight_decay"), o.flag("scale_parameter"),
        o.flag("relative_step"), o.flag("warmup_init"), o.flag("factored"));
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return HfAdafactor.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    // clip_threshold null (no update clipping) needs a map that holds a null.
    Map<String, Object> unclipped = new java.util.HashMap<>(Map.of("beta1", 0.9, "factored", false));
    unclipped.put("clip_threshold", null);
    return List.of(
        Map.of("beta1", 0.9, "weight_decay", 1e-3),
        unclipped,
        Map.of("lr", 1e-2, "relative_step", false, "scale_parameter", false, "beta2", 0.99),
        Map.of("warmup_init", true, "weight_decay", 1e-2, "clip_threshold", 0.5));
  }

  /**
   * transformers' Adafactor refuses an explicit lr with the relative step ("Cannot combine
   * manual lr and relative_step=True options"), and warmup_init without it; with neither an lr
   * nor the relative step there is no step size at all.
   */
  private static Optional<RuleViolation> stepSize(Component adafactor) {
    boolean relative = adafactor.flag("relative_step");
    Double lr = adafactor.optionalNumber("lr");
    if (lr != null && relative) {
      return Optional.of(new RuleViolation("lr",
          "lr " + Component.format(lr) + " cannot be combined with relative_step: true (the step"
              + " size is then min(1e-2, 1/√t)); set relative_step: false or drop lr"));
    }
    if (lr == null && !relative) {
      return Optional.of(new RuleViolation("relative_step",
          "relative_step: false needs an lr (there is no other step size); give lr, e.g. 1e-3"));
    }
    if (adafactor.flag("warmup_init") && !relative) {
      return Optional.of(new RuleViolation("warmup_init",
          "warmup_init: true needs relative_step: true (it changes the relative step)"));
    }
    return Optional.empty();
  }
}
