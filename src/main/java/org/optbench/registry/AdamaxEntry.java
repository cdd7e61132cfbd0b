package org.optbench.registry;

import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchAdamax;
import org.optbench.optim.alias.Recipe;
import org.optbench.optim.alias.StateFormula;
import org.optbench.optim.transform.AdamaxUpdate;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** torch.optim.Adamax (Kingma &amp; Ba 2015, Algorithm 2). */
final class AdamaxEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "adamax",
      "Adamax: Adam with the infinity norm in place of the second moment",
      "Kingma & Ba 2015, Algorithm 2; torch.optim.Adamax",
      List.of(
          real("lr", 2e-3, Range.POSITIVE, "learning rate"),
          Hyperparameters.beta1(0.9),
          real("beta2", 0.999, Hyperparameters.BETA, "decay of the infinity norm u"),
          real("eps", 1e-8, Range.POSITIVE, "added to |g| inside the maximum"),
          Hyperparameters.l2(0.0)));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return new Recipe("adamax",
        AdamaxUpdate.adamax(o.number("beta1"), o.number("beta2"), o.number("eps"),
            o.number("weight_decay")),
        StateFormula.perParam(2, "m, u"), DEFINITION.reference());
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchAdamax.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(
        Map.of("lr", 0.01, "weight_decay", 1e-3),
        Map.of("lr", 0.01, "beta1", 0.3, "eps", 0.1));
  }
}
