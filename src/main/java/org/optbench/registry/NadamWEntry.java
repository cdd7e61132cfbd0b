package org.optbench.registry;

import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchNadamW;
import org.optbench.optim.alias.Recipe;
import org.optbench.optim.alias.StateFormula;
import org.optbench.optim.transform.NadamWUpdate;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/**
 * The NAdamW of the AlgoPerf baseline: Choi et al. 2019's NAdam (Table 1) with decoupled weight
 * decay. Not torch.optim.NAdam(decoupled_weight_decay=True): no μₜ schedule, Adam's bias
 * corrections, the look-ahead β1·m + (1 − β1)·g.
 */
final class NadamWEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "nadamw",
      "NAdamW of the AlgoPerf baseline: Nesterov look-ahead Adam with decoupled weight decay",
      "Choi et al. 2019, Table 1 (NAdam) + Loshchilov & Hutter 2019; AlgoPerf baseline"
          + " (Dahl et al. 2023)",
      List.of(
          real("lr", 1e-3, Range.POSITIVE, "learning rate"),
          Hyperparameters.beta1(0.9),
          Hyperparameters.beta2(0.999),
          real("eps", 1e-8, Range.POSITIVE, "added to √v̂ in the denominator"),
          real("weight_decay", 1e-2, Range.NON_NEGATIVE, "decoupled decay p ← p·(1 − lr·λ)")));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return new Recipe("nadamw",
        NadamWUpdate.nadamW(o.number("beta1"), o.number("beta2"), o.number("eps"),
            o.number("weight_decay")),
        StateFormula.perParam(2, "m, v"), DEFINITION.reference());
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchNadamW.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(
        Map.of("lr", 0.01, "weight_decay", 0.1),
        Map.of("lr", 0.01, "beta1", 0.3, "eps", 0.1, "weight_decay", 0.0));
  }
}
