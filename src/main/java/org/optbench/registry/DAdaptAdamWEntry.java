package org.optbench.registry;

import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchDAdaptAdamW;
import org.optbench.optim.alias.Recipe;
import org.optbench.optim.alias.StateFormula;
import org.optbench.optim.transform.DAdaptAdamWUpdate;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/**
 * D-Adaptation's Adam (Defazio &amp; Mishchenko 2023) as optax.contrib.dadapt_adamw. Named
 * dadapt_adamw, as optax names it, because its weight decay is decoupled: the catalogue's adam
 * and adamw differ by exactly that (L2 against decoupled).
 */
final class DAdaptAdamWEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "dadapt_adamw",
      "D-Adaptation AdamW: Adam whose step size d·lr estimates the distance to the solution"
          + " itself",
      "Defazio & Mishchenko 2023 (D-Adaptation), the Adam version with decoupled decay;"
          + " optax.contrib.dadapt_adamw (0.2.8)",
      List.of(
          real("lr", 1.0, Range.POSITIVE, "multiplies the estimated step size d (keep 1; schedules"
              + " scale it)"),
          Hyperparameters.beta1(0.9),
          Hyperparameters.beta2(0.999),
          real("eps", 1e-8, Range.POSITIVE, "added to √v in the denominator"),
          real("estim_lr0", 1e-6, Range.POSITIVE, "initial (under-)estimate d₀ of d"),
          real("weight_decay", 0.0, Range.NON_NEGATIVE, "decoupled, times d·lr (AdamW's)")));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return new Recipe("dadapt_adamw",
        DAdaptAdamWUpdate.dadaptAdamW(o.number("beta1"), o.number("beta2"), o.number("eps"),
            o.number("estim_lr0"), o.number("weight_decay")),
        StateFormula.perParam(3, "m, v, s"), DEFINITION.reference());
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchDAdaptAdamW.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of("weight_decay", 0.1, "estim_lr0", 1e-3, "beta1", 0.8),
        Map.of("eps", 1e-3));
  }
}
