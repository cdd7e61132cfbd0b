package org.optbench.registry;

import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchLion;
import org.optbench.optim.alias.Optimizers;
import org.optbench.optim.alias.Recipe;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** Lion (Chen et al. 2023, Algorithm 2). */
final class LionEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "lion",
      "Lion: sign of an interpolated momentum, one state buffer",
      "Chen et al. 2023, Algorithm 2 (Symbolic Discovery of Optimization Algorithms)",
      List.of(
          real("lr", 1e-4, Range.POSITIVE, "learning rate"),
          real("beta1", 0.9, Hyperparameters.BETA,
              "interpolation of momentum and gradient for the sign"),
          real("beta2", 0.99, Hyperparameters.BETA, "decay of the momentum"),
          real("weight_decay", 0.0, Range.NON_NEGATIVE, "decoupled decay p ← p·(1 − lr·λ)")));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return Optimizers.lion(o.number("beta1"), o.number("beta2"), o.number("weight_decay"));
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchLion.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of("lr", 1e-3, "weight_decay", 0.1));
  }
}
