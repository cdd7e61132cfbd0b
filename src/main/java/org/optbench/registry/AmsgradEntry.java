package org.optbench.registry;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchAdam;
import org.optbench.optim.alias.Optimizers;
import org.optbench.optim.alias.Recipe;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;

/** torch.optim.Adam(amsgrad=True) under its own name (Reddi et al. 2018). */
final class AmsgradEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "amsgrad",
      "Adam with the running maximum of the second moment",
      "Reddi et al. 2018; torch.optim.Adam(amsgrad=True)",
      List.of(
          AdamEntry.lr(),
          Hyperparameters.beta1(0.9),
          Hyperparameters.beta2(0.999),
          AdamEntry.eps("added to √v̂max in the denominator"),
          Hyperparameters.l2(0.0)));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return Optimizers.adam(o.number("beta1"), o.number("beta2"), o.number("eps"),
        o.number("weight_decay"), false, true, true);
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchAdam.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of("lr", 0.01, "eps", 1e-3, "weight_decay", 1e-3));
  }
}
