package org.optbench.registry;

import static org.optbench.spec.ParamDef.flag;
import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import org.optbench.engine.djl.TorchLars;
import org.optbench.optim.alias.Recipe;
import org.optbench.optim.alias.StateFormula;
import org.optbench.optim.transform.LarsUpdate;
import org.optbench.optim.transform.TensorMask;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;

/** LARS (You et al. 2017) as optax.lars. */
final class LarsEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "lars",
      "LARS: SGD with momentum whose step is rescaled per tensor by η·‖p‖/‖g‖",
      "You et al. 2017, Algorithm 1; optax.lars (0.2.8)",
      List.of(
          real("lr", 1.0, Range.POSITIVE,
              "learning rate (a tensor moves about lr·η of its norm per step)"),
          real("weight_decay", 0.0, Range.NON_NEGATIVE, "λ·p added to the gradient"),
          real("trust_coefficient", 1e-3, Range.POSITIVE, "η, the trust ratio's factor"),
          real("eps", 0.0, Range.NON_NEGATIVE, "added to ‖g‖ in the trust ratio"),
          real("momentum", 0.9, Range.NON_NEGATIVE, "momentum factor μ of the scaled step"),
          flag("nesterov", false, "step with u + μ·b"),
          Hyperparameters.excludeVectors("weight decay and no trust ratio")));

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    double momentum = o.number("momentum");
    return new Recipe("lars",
        LarsUpdate.lars(new LarsUpdate.Settings(o.number("weight_decay"),
            o.number("trust_coefficient"), o.number("eps"), momentum, o.flag("nesterov"),
            TensorMask.excludingVectors(o.flag("exclude_vectors")))),
        StateFormula.perParam(momentum != 0 ? 1 : 0, "momentum buffer"),
        DEFINITION.reference());
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchLars.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(
        Map.of("lr", 0.5, "weight_decay", 0.01, "trust_coefficient", 0.02, "eps", 1e-3,
            "nesterov", true),
        Map.of("lr", 0.5, "momentum", 0.0, "trust_coefficient", 0.02));
  }
}
