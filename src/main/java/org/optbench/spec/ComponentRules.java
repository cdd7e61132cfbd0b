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
    if (component.def() == OptimizerDefs.ADAFACTOR) {
      return adafactorStepSize(component);
    }
    if (component.def() == ClipDefs.LOSS_FEEDBACK
        && component.number("min_norm") > component.number("max_norm")) {
      return Optional.of(new Violation("min_norm",
          "min_norm must be <= max_norm (they bound the threshold), got min_norm "
              + Component.format(component.number("min_norm")) + " and max_norm "
              + Component.format(component.number("max_norm"))));
    }
    if ((component.def() == ScheduleDefs.WARMUP_LINEAR
            || component.def() == ScheduleDefs.WARMUP_COSINE)
        && component.params().get("total_steps") != null
        && component.integer("total_steps") <= component.integer("warmup_steps")) {
      return Optional.of(new Violation("total_steps",
          "total_steps must exceed warmup_steps (the decay runs between them), got total_steps "
              + component.integer("total_steps") + " and warmup_steps "
              + component.integer("warmup_steps")));
    }
    if (component.def() == WorkloadDefs.TINY_GPT
        && component.integer("d_model") % component.integer("heads") != 0) {
      return Optional.of(new Violation("heads",
          "heads must divide d_model (each head gets d_model / heads dimensions), got d_model "
              + component.integer("d_model") + " and heads " + component.integer("heads")));
    }
    if (component.has("lower") && component.has("upper")
        && component.optionalNumber("lower") != null && component.optionalNumber("upper") != null
        && component.optionalNumber("lower") > component.optionalNumber("upper")) {
      return Optional.of(new Violation("lower",
          "lower must be <= upper (every coordinate is projected onto [lower, upper]), got lower "
              + Component.format(component.optionalNumber("lower")) + " and upper "
              + Component.format(component.optionalNumber("upper"))));
    }
    if (component.has("batch_size") && component.has("train_size")
        && component.integer("batch_size") > component.integer("train_size")) {
      return Optional.of(new Violation("batch_size",
          "batch_size must be <= train_size (each step draws its batch from the training"
              + " examples), got batch_size " + component.integer("batch_size")
              + " and train_size " + component.integer("train_size")));
    }
    if (component.def() == WorkloadDefs.FMNIST_CNN
        && WorkloadDefs.IMAGE_SIDE >> component.integers("channels").size() == 0) {
      return Optional.of(new Violation("channels",
          "channels lists " + component.integers("channels").size() + " convolutions, but each"
              + " halves the " + WorkloadDefs.IMAGE_SIDE + "×" + WorkloadDefs.IMAGE_SIDE
              + " image (2×2 pooling), which leaves nothing after the fifth; give at most 4"));
    }
    if (component.def() == WorkloadDefs.FMNIST_CNN && component.integer("kernel") % 2 == 0) {
      return Optional.of(new Violation("kernel",
          "kernel must be odd so that \"same\" padding keeps the image size, got "
              + component.integer("kernel")));
    }
    return Optional.empty();
  }

  /**
   * transformers' Adafactor refuses an explicit lr with the relative step ("Cannot combine
   * manual lr and relative_step=True options"), and warmup_init without it; with neither an lr
   * nor the relative step there is no step size at all.
   */
  private static Optional<Violation> adafactorStepSize(Component adafactor) {
    boolean relative = adafactor.flag("relative_step");
    Double lr = adafactor.optionalNumber("lr");
    if (lr != null && relative) {
      return Optional.of(new Violation("lr",
          "lr " + Component.format(lr) + " cannot be combined with relative_step: true (the step"
              + " size is then min(1e-2, 1/√t)); set relative_step: false or drop lr"));
    }
    if (lr == null && !relative) {
      return Optional.of(new Violation("relative_step",
          "relative_step: false needs an lr (there is no other step size); give lr, e.g. 1e-3"));
    }
    if (adafactor.flag("warmup_init") && !relative) {
      return Optional.of(new Violation("warmup_init",
          "warmup_init: true needs relative_step: true (it changes the relative step)"));
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
