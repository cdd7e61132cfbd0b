package org.optbench.registry;

import static org.optbench.spec.ParamDef.flag;
import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchAdopt;
import org.optbench.optim.alias.Recipe;
import org.optbench.optim.alias.StateFormula;
import org.optbench.optim.transform.AdoptUpdate;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** ADOPT (Taniguchi et al. 2024) as optax.contrib.adopt. */
final class AdoptEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "adopt",
      "ADOPT: the gradient normalised by the previous second moment before the momentum",
      "Taniguchi et al. 2024 (ADOPT), Algorithm 2 with clipping; optax.contrib.adopt (0.2.8)",
      List.of(
          real("lr", 1e-3, Range.POSITIVE, "learning rate"),
          Hyperparameters.beta1(0.9),
          real("beta2", 0.9999, Hyperparameters.BETA, "decay of the second moment"),
          real("eps", 1e-6, Range.POSITIVE, "floor of √v in the normalisation"),
          flag("nesterov", false, "step with β1·m + (1 − β1)·u"),
          flag("clip", true, "clip the normalised gradient to ±(t − 1)^¼")));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return new Recipe("adopt",
        AdoptUpdate.adopt(o.number("beta1"), o.number("beta2"), o.number("eps"),
            o.flag("nesterov"), o.flag("clip")),
        StateFormula.perParam(2, "m, v"), DEFINITION.reference());
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchAdopt.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of("lr", 0.01, "nesterov", true), Map.of("lr", 0.01, "beta2", 0.99,
        "eps", 0.1));
  }
}
