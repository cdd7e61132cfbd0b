package org.optbench.registry;

import static org.optbench.spec.ParamDef.flag;
import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchNadam;
import org.optbench.optim.alias.Recipe;
import org.optbench.optim.alias.StateFormula;
import org.optbench.optim.transform.NadamUpdate;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** torch.optim.NAdam (Dozat 2016, with torch's μₜ momentum schedule). */
final class NadamEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "nadam",
      "NAdam: Adam with Nesterov momentum and a warming momentum schedule μₜ",
      "Dozat 2016 (Incorporating Nesterov Momentum into Adam); torch.optim.NAdam",
      List.of(
          real("lr", 2e-3, Range.POSITIVE, "learning rate"),
          Hyperparameters.beta1(0.9),
          Hyperparameters.beta2(0.999),
          real("eps", 1e-8, Range.POSITIVE, "added to √v̂ in the denominator"),
          real("weight_decay", 0.0, Range.NON_NEGATIVE,
              "L2 penalty added to the gradient (decoupled: p ← p·(1 − lr·λ))"),
          real("momentum_decay", 4e-3, Range.NON_NEGATIVE, "ψ in μₜ = β1·(1 − ½·0.96^(t·ψ))"),
          flag("decoupled_weight_decay", false,
              "decay the weights as AdamW does instead of adding λ·p to the gradient")));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return new Recipe("nadam",
        NadamUpdate.nadam(o.number("beta1"), o.number("beta2"), o.number("eps"),
            o.number("weight_decay"), o.number("momentum_decay"),
            o.flag("decoupled_weight_decay")),
        StateFormula.perParam(2, "m, v"), DEFINITION.reference());
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchNadam.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(
        Map.of("lr", 0.01, "weight_decay", 1e-3, "momentum_decay", 0.04),
        Map.of("lr", 0.01, "beta1", 0.4, "eps", 0.1));
  }
}
