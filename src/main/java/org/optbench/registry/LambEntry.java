package org.optbench.registry;

import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchLamb;
import org.optbench.optim.alias.Recipe;
import org.optbench.optim.alias.StateFormula;
import org.optbench.optim.transform.LambUpdate;
import org.optbench.optim.transform.TensorMask;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** LAMB (You et al. 2019) as optax.lamb. */
final class LambEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "lamb",
      "LAMB: Adam's step with decoupled decay, rescaled per tensor by the trust ratio ‖p‖/‖u‖",
      "You et al. 2019, Algorithm 2; optax.lamb (0.2.8); exclude_vectors masks the decay and"
          + " the trust ratio (TensorFlow's LAMB excludes the same tensors from both)",
      List.of(
          real("lr", 1e-3, Range.POSITIVE, "learning rate"),
          Hyperparameters.beta1(0.9),
          Hyperparameters.beta2(0.999),
          real("eps", 1e-6, Range.POSITIVE, "added to √v̂ in the denominator"),
          real("eps_root", 0.0, Range.NON_NEGATIVE, "added to v̂ under the root"),
          real("weight_decay", 0.0, Range.NON_NEGATIVE,
              "λ·p added to Adam's direction before the trust ratio"),
          Hyperparameters.excludeVectors("weight decay and no trust ratio")));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return new Recipe("lamb",
        LambUpdate.lamb(new LambUpdate.Settings(o.number("beta1"), o.number("beta2"),
            o.number("eps"), o.number("eps_root"), o.number("weight_decay"),
            TensorMask.excludingVectors(o.flag("exclude_vectors")))),
        StateFormula.perParam(2, "m, v"), DEFINITION.reference());
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchLamb.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of("lr", 0.01, "weight_decay", 0.1),
        Map.of("lr", 0.01, "beta1", 0.5, "eps", 1e-3, "eps_root", 1e-6));
  }
}
