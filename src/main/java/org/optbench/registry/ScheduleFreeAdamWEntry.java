package org.optbench.registry;

import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchScheduleFreeAdamW;
import org.optbench.optim.alias.Recipe;
import org.optbench.optim.alias.StateFormula;
import org.optbench.optim.transform.ScheduleFreeAdamWUpdate;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/**
 * Schedule-Free AdamW (Defazio et al. 2024) as optax.contrib.schedule_free_adamw: v̂
 * bias-corrected inside the preconditioner, not folded into the lr (and so into cₜ) as the
 * facebookresearch reference does. The warm-up is the schedule's, as for schedule_free_sgd.
 */
final class ScheduleFreeAdamWEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "schedule_free_adamw",
      "Schedule-Free AdamW: Adam's preconditioner without momentum, interpolation and averaging"
          + " instead; evaluated at x",
      "Defazio et al. 2024 (The Road Less Scheduled), Alg. 1; optax.contrib.schedule_free_adamw"
          + " (0.2.8): bias correction in √v̂, not in the lr and cₜ as in facebookresearch/"
          + "schedule_free's AdamWScheduleFree; warm-up from the schedule",
      List.of(
          real("lr", 0.0025, Range.POSITIVE, "learning rate of the z step"),
          ScheduleFreeParams.beta1(),
          Hyperparameters.beta2(0.999),
          real("eps", 1e-8, Range.POSITIVE, "added to √v̂ in the denominator"),
          real("weight_decay", 0.0, Range.NON_NEGATIVE,
              "λ·y added to the direction at y, then scaled by lr"),
          ScheduleFreeParams.weightLrPower()));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return new Recipe("schedule_free_adamw",
        ScheduleFreeAdamWUpdate.scheduleFreeAdamW(o.number("beta1"), o.number("beta2"),
            o.number("eps"), o.number("weight_decay"), o.number("weight_lr_power")),
        StateFormula.perParam(2, "z, v"), DEFINITION.reference());
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchScheduleFreeAdamW.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of("lr", 0.01, "weight_decay", 0.1),
        Map.of("lr", 0.01, "beta1", 0.5, "beta2", 0.99, "eps", 1e-3, "weight_lr_power", 0.5));
  }
}
