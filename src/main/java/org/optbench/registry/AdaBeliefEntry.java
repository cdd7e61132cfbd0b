package org.optbench.registry;

import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchAdaBelief;
import org.optbench.optim.alias.Recipe;
import org.optbench.optim.alias.StateFormula;
import org.optbench.optim.transform.AdaBeliefUpdate;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** AdaBelief (Zhuang et al. 2020) as optax.adabelief. */
final class AdaBeliefEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "adabelief",
      "AdaBelief: Adam with the variance of the prediction error g − m as second moment",
      "Zhuang et al. 2020, Algorithm 2; optax.adabelief (0.2.8)",
      List.of(
          real("lr", 1e-3, Range.POSITIVE, "learning rate"),
          Hyperparameters.beta1(0.9),
          Hyperparameters.beta2(0.999),
          real("eps", 1e-16, Range.POSITIVE, "added to √ŝ in the denominator"),
          real("eps_root", 1e-16, Range.NON_NEGATIVE, "added to s every step")));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return new Recipe("adabelief",
        AdaBeliefUpdate.adaBelief(o.number("beta1"), o.number("beta2"), o.number("eps"),
            o.number("eps_root")),
        StateFormula.perParam(2, "m, s"), DEFINITION.reference());
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchAdaBelief.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of("lr", 0.01), Map.of("lr", 0.01, "beta1", 0.5, "eps", 1e-3,
        "eps_root", 1e-6));
  }
}
