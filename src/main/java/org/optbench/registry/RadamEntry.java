package org.optbench.registry;

import static org.optbench.spec.ParamDef.flag;
import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchRadam;
import org.optbench.optim.alias.Recipe;
import org.optbench.optim.alias.StateFormula;
import org.optbench.optim.transform.RadamUpdate;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** torch.optim.RAdam (Liu et al. 2020, Algorithm 2). */
final class RadamEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "radam",
      "RAdam: Adam with the adaptive step rectified while v's variance is large",
      "Liu et al. 2020, Algorithm 2 (On the Variance of the Adaptive Learning Rate);"
          + " torch.optim.RAdam",
      List.of(
          real("lr", 1e-3, Range.POSITIVE, "learning rate"),
          Hyperparameters.beta1(0.9),
          Hyperparameters.beta2(0.999),
          real("eps", 1e-8, Range.POSITIVE, "added to √v in the denominator"),
          real("weight_decay", 0.0, Range.NON_NEGATIVE,
              "L2 penalty added to the gradient (decoupled: p ← p·(1 − lr·λ))"),
          flag("decoupled_weight_decay", false,
              "decay the weights as AdamW does instead of adding λ·p to the gradient")));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return new Recipe("radam",
        RadamUpdate.radam(o.number("beta1"), o.number("beta2"), o.number("eps"),
            o.number("weight_decay"), o.flag("decoupled_weight_decay")),
        StateFormula.perParam(2, "m, v"), DEFINITION.reference());
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchRadam.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(
        Map.of("lr", 0.01, "weight_decay", 1e-3),
        Map.of("lr", 0.01, "beta1", 0.3, "beta2", 0.9, "eps", 0.1));
  }
}
