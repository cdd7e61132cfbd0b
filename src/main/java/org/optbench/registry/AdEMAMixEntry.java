package org.optbench.registry;

import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchAdEMAMix;
import org.optbench.optim.alias.Recipe;
import org.optbench.optim.alias.StateFormula;
import org.optbench.optim.transform.AdEMAMixUpdate;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** AdEMAMix (Pagliardini et al. 2024) as optax.contrib.ademamix, constant α and β3. */
final class AdEMAMixEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "ademamix",
      "AdEMAMix: Adam plus α times a slow, uncorrected EMA of the gradient",
      "Pagliardini et al. 2024, Algorithm 1 (constant α, β3); optax.contrib.ademamix (0.2.8)",
      List.of(
          real("lr", 1e-3, Range.POSITIVE, "learning rate"),
          Hyperparameters.beta1(0.9),
          Hyperparameters.beta2(0.999),
          real("beta3", 0.9999, Hyperparameters.BETA, "decay of the slow first moment"),
          real("alpha", 5.0, Range.NON_NEGATIVE, "weight of the slow first moment"),
          real("eps", 1e-8, Range.POSITIVE, "added to √v̂ in the denominator"),
          real("weight_decay", 0.0, Range.NON_NEGATIVE,
              "λ·p added to the direction, then scaled by lr (optax)")));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return new Recipe("ademamix",
        AdEMAMixUpdate.ademamix(o.number("beta1"), o.number("beta2"), o.number("beta3"),
            o.number("alpha"), o.number("eps"), o.number("weight_decay")),
        StateFormula.perParam(3, "fast m, slow m, v"), DEFINITION.reference());
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchAdEMAMix.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of("lr", 0.01, "weight_decay", 0.1),
        Map.of("lr", 0.01, "beta3", 0.9, "alpha", 8.0, "eps", 1e-3));
  }
}
