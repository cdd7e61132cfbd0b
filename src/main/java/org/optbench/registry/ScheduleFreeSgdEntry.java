package org.optbench.registry;

import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchScheduleFreeSgd;
import org.optbench.optim.alias.Recipe;
import org.optbench.optim.alias.StateFormula;
import org.optbench.optim.transform.ScheduleFreeSgdUpdate;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/**
 * Schedule-Free SGD (Defazio et al. 2024) as optax.contrib.schedule_free_sgd. optax's
 * {@code warmup_steps} is not a hyperparameter: the warm-up is the schedule's
 * ({@code warmup_linear} with {@code final_factor: 1}), which cₜ reads through the step's lr.
 */
final class ScheduleFreeSgdEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "schedule_free_sgd",
      "Schedule-Free SGD: gradients at an interpolation y of z and its average x, evaluated at x",
      "Defazio et al. 2024 (The Road Less Scheduled), Alg. 1; optax.contrib.schedule_free_sgd"
          + " (0.2.8), the same as facebookresearch/schedule_free's SGDScheduleFree with r = 0;"
          + " warm-up from the schedule",
      List.of(
          real("lr", 1.0, Range.POSITIVE, "learning rate of the z step"),
          ScheduleFreeParams.beta1(),
          real("weight_decay", 0.0, Range.NON_NEGATIVE, "λ·y added to the gradient at y"),
          ScheduleFreeParams.weightLrPower()));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return new Recipe("schedule_free_sgd",
        ScheduleFreeSgdUpdate.scheduleFreeSgd(o.number("beta1"), o.number("weight_decay"),
            o.number("weight_lr_power")),
        StateFormula.perParam(1, "z"), DEFINITION.reference());
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchScheduleFreeSgd.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of("lr", 0.1, "weight_decay", 0.1, "weight_lr_power", 1.0),
        Map.of("lr", 0.5, "beta1", 0.5, "weight_lr_power", 0.0));
  }
}
