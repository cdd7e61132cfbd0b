package org.optbench.registry;

import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchAdan;
import org.optbench.optim.alias.Recipe;
import org.optbench.optim.alias.StateFormula;
import org.optbench.optim.transform.AdanUpdate;
import org.optbench.optim.transform.TensorMask;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/**
 * Adan (Xie et al. 2022) as optax.adan, with the authors' weight of the gradient difference (see
 * {@link AdanUpdate}).
 */
final class AdanEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "adan",
      "Adan: Adam-like step on the gradient plus an average of gradient differences (Nesterov)",
      "Xie et al. 2022, Algorithm 1; optax.adan (0.2.8) with the weight β2 of the gradient"
          + " difference of the paper and the authors' sail-sg/Adan (optax 0.2.8 uses 1 − β2)",
      List.of(
          real("lr", 1e-3, Range.POSITIVE, "learning rate"),
          real("beta1", 0.98, Hyperparameters.BETA, "decay of the gradient average m"),
          real("beta2", 0.92, Hyperparameters.BETA,
              "decay of the difference average v, and the weight of the difference"),
          real("beta3", 0.99, Hyperparameters.BETA, "decay of the second moment n"),
          real("eps", 1e-8, Range.POSITIVE, "added to the root in the denominator"),
          real("eps_root", 1e-8, Range.NON_NEGATIVE, "added to n̂ under the root"),
          real("weight_decay", 0.0, Range.NON_NEGATIVE,
              "λ·p added to the direction, then scaled by lr (optax)"),
          Hyperparameters.excludeVectors("weight decay")));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return new Recipe("adan",
        AdanUpdate.adan(new AdanUpdate.Settings(o.number("beta1"), o.number("beta2"),
            o.number("beta3"), o.number("eps"), o.number("eps_root"), o.number("weight_decay"),
            TensorMask.excludingVectors(o.flag("exclude_vectors")))),
        StateFormula.perParam(4, "m, v, n, previous g"), DEFINITION.reference());
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchAdan.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(Map.of("lr", 0.01, "weight_decay", 0.1),
        Map.of("lr", 0.01, "beta1", 0.9, "beta2", 0.5, "beta3", 0.999, "eps", 1e-3,
            "eps_root", 1e-6));
  }
}
