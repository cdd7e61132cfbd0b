package org.optbench.registry;

import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchYogi;
import org.optbench.optim.alias.Optimizers;
import org.optbench.optim.alias.Recipe;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** Yogi (Zaheer et al. 2018, Algorithm 2) with v₀ = 0 as d2l.ai §12.10.3. */
final class YogiEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "yogi",
      "Yogi: Adam with an additive, sign-controlled second-moment update",
      "Zaheer et al. 2018, Algorithm 2; d2l.ai §12.10.3 (v₀ = 0)",
      List.of(
          real("lr", 1e-2, Range.POSITIVE, "learning rate"),
          Hyperparameters.beta1(0.9),
          Hyperparameters.beta2(0.999),
          real("eps", 1e-3, Range.POSITIVE, "added to √v̂ in the denominator")));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return Optimizers.yogi(o.number("beta1"), o.number("beta2"), o.number("eps"));
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchYogi.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of("lr", 0.01), Map.of("lr", 0.01, "eps", 1e-6));
  }
}
