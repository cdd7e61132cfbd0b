package org.optbench.spec;

import java.util.Optional;

/**
 * Rules that involve several hyperparameters of one component, checked on every grid point
 * after expansion (a list of momenta may hold one that breaks the rule).
 */
final class ComponentRules {

  /**
   * A broken rule.
   *
   * @param param the parameter to point the error at
   * @param problem what is wrong and how to fix it
   */
  record Violation(String param, String problem) {}

  private ComponentRules() {}

  /** The first rule {@code component} breaks, if any. */
  static Optional<Violation> check(Component component) {
    if (component.def() == OptimizerDefs.SGD) {
      return sgdNesterov(component);
    }
    if (component.def() == WorkloadDefs.TINY_GPT
        && component.integer("d_model") % component.integer("heads") != 0) {
      return Optional.of(new Violation("heads",
          "heads must divide d_model (each head gets d_model / heads dimensions), got d_model "
              + component.integer("d_model") + " and heads " + component.integer("heads")));
    }
    if (component.def() == WorkloadDefs.FMNIST_CNN && component.integer("kernel") % 2 == 0) {
      return Optional.of(new Violation("kernel",
          "kernel must be odd so that \"same\" padding keeps the image size, got "
              + component.integer("kernel")));
    }
    return Optional.empty();
  }

  /**
   * torch.optim.SGD raises "Nesterov momentum requires a momentum and zero dampening": the
   * Nesterov look-ahead is defined on the undamped momentum buffer (Sutskever et al. 2013).
   */
  private static Optional<Violation> sgdNesterov(Component sgd) {
    if (!sgd.flag("nesterov")) {
      return Optional.empty();
    }
    double momentum = sgd.number("momentum");
    double dampening = sgd.number("dampening");
    if (momentum > 0 && dampening == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Violation(
            "nesterov",
            "nesterov: true needs momentum > 0 and dampening = 0, got momentum "
                + Component.format(momentum) + " and dampening " + Component.format(dampening)));
  }
}
