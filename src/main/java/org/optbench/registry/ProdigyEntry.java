package org.optbench.registry;

import static org.optbench.spec.ParamDef.flag;
import static org.optbench.spec.ParamDef.optionalReal;
import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchProdigy;
import org.optbench.optim.alias.Recipe;
import org.optbench.optim.alias.StateFormula;
import org.optbench.optim.transform.ProdigyUpdate;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** Prodigy (Mishchenko &amp; Defazio 2023) as optax.contrib.prodigy. */
final class ProdigyEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "prodigy",
      "Prodigy: Adam whose step size d·lr estimates the distance to the solution itself",
      "Mishchenko & Defazio 2023 (Prodigy), the Adam version; optax.contrib.prodigy (0.2.8)",
      List.of(
          real("lr", 1.0, Range.POSITIVE, "multiplies the estimated step size d (keep 1; schedules"
              + " scale it)"),
          Hyperparameters.beta1(0.9),
          Hyperparameters.beta2(0.999),
          optionalReal("beta3", null, Hyperparameters.BETA,
              "decay of d's numerator and of s; null = √beta2"),
          real("eps", 1e-8, Range.POSITIVE, "times d, added to √v in the denominator"),
          real("estim_lr0", 1e-6, Range.POSITIVE, "initial (under-)estimate d₀ of d"),
          real("estim_lr_coef", 1.0, Range.POSITIVE, "multiplies every new estimate of d"),
          real("weight_decay", 0.0, Range.NON_NEGATIVE, "decoupled, times d·lr (AdamW's)"),
          flag("safeguard_warmup", false, "leave lr out of s, so a warm-up does not inflate d")));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    Double beta3 = o.optionalNumber("beta3");
    ProdigyUpdate.Settings settings = new ProdigyUpdate.Settings(o.number("beta1"),
        o.number("beta2"), beta3 == null ? Math.sqrt(o.number("beta2")) : beta3, o.number("eps"),
        o.number("estim_lr0"), o.number("estim_lr_coef"), o.number("weight_decay"),
        o.flag("safeguard_warmup"));
    return new Recipe("prodigy", ProdigyUpdate.prodigy(settings),
        StateFormula.perParam(4, "m, v, s, x₀"), DEFINITION.reference());
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchProdigy.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    Map<String, Object> defaults = new HashMap<>();
    defaults.put("beta3", null);
    return List.of(
        Map.of("weight_decay", 0.1, "beta3", 0.9, "estim_lr0", 1e-3, "estim_lr_coef", 2.0,
            "safeguard_warmup", true),
        defaults);
  }
}
