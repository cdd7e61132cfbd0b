package org.optbench.registry;

import static org.optbench.spec.ParamDef.flag;
import static org.optbench.spec.ParamDef.real;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.optbench.engine.djl.TorchSgd;
import org.optbench.optim.alias.Optimizers;
import org.optbench.optim.alias.Recipe;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.Range;
import org.optbench.spec.RuleViolation;

/** torch.optim.SGD. */
final class SgdEntry implements OptimizerEntry {

  private static final ComponentDef DEFINITION = new ComponentDef(
      "sgd",
      "stochastic gradient descent with optional (Nesterov) momentum",
      "torch.optim.SGD",
      List.of(
          real("lr", 1e-3, Range.POSITIVE, "learning rate"),
          real("momentum", 0.0, Range.NON_NEGATIVE, "momentum factor μ"),
          real("dampening", 0.0, Range.UNIT_CLOSED, "dampening for momentum"),
          flag("nesterov", false, "Nesterov momentum (needs momentum > 0, dampening 0)"),
          Hyperparameters.l2(0.0),
          Hyperparameters.impl()))
      .withRule(SgdEntry::nesterov);

  @Override
  public ComponentDef definition() {
    return DEFINITION;
  }

  @Override
  public Recipe recipe(Component o) {
    return Optimizers.sgd(o.number("momentum"), o.number("dampening"), o.flag("nesterov"),
        o.number("weight_decay"));
  }

  @Override
  public Optimizer engine(Component o, Tracker lr) {
    return TorchSgd.create(o, lr);
  }

  @Override
  public List<Map<String, Object>> crossChecks() {
    return List.of(
        Map.of("lr", 0.05, "momentum", 0.9, "nesterov", true, "weight_decay", 1e-3),
        Map.of("lr", 0.05, "momentum", 0.9, "dampening", 0.5));
  }

  /**
   * torch.optim.SGD raises "Nesterov momentum requires a momentum and zero dampening": the
   * Nesterov look-ahead is defined on the undamped momentum buffer (Sutskever et al. 2013).
   */
  private static Optional<RuleViolation> nesterov(Component sgd) {
    if (!sgd.flag("nesterov")) {
      return Optional.empty();
    }
    double momentum = sgd.number("momentum");
    double dampening = sgd.number("dampening");
    if (momentum > 0 && dampening == 0) {
      return Optional.empty();
    }
    return Optional.of(new RuleViolation("nesterov",
        "nesterov: true needs momentum > 0 and dampening = 0, got momentum "
            + Component.format(momentum) + " and dampening " + Component.format(dampening)));
  }
}
