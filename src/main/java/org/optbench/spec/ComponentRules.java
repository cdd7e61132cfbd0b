package org.optbench.spec;

import java.util.Optional;

/**
 * Rules that involve several hyperparameters of one component, checked on every grid point
 * after expansion (a list of momenta may hold one that breaks the rule).
 */
final class ComponentRules {

  private ComponentRules() {}

  /** The first rule {@code component} breaks, if any: its definition's own, then these. */
  static Optional<RuleViolation> check(Component component) {
    Optional<RuleViolation> own = component.def().rule().check(component);
    if (own.isPresent()) {
      return own;
    }
    if ((component.def() == ScheduleDefs.WARMUP_LINEAR
            || component.def() == ScheduleDefs.WARMUP_COSINE)
        && component.params().get("total_steps") != null
        && component.integer("total_steps") <= component.integer("warmup_steps")) {
      return Optional.of(new RuleViolation("total_steps",
          "total_steps must exceed warmup_steps (the decay runs between them), got total_steps "
              + component.integer("total_steps") + " and warmup_steps "
              + component.integer("warmup_steps")));
    }
    if (component.def() == WorkloadDefs.TINY_GPT
        && component.integer("d_model") % component.integer("heads") != 0) {
      return Optional.of(new RuleViolation("heads",
          "heads must divide d_model (each head gets d_model / heads dimensions), got d_model "
              + component.integer("d_model") + " and heads " + component.integer("heads")));
    }
    if (component.has("lower") && component.has("upper")
        && component.optionalNumber("lower") != null && component.optionalNumber("upper") != null
        && component.optionalNumber("lower") > component.optionalNumber("upper")) {
      return Optional.of(new RuleViolation("lower",
          "lower must be <= upper (every coordinate is projected onto [lower, upper]), got lower "
              + Component.format(component.optionalNumber("lower")) + " and upper "
              + Component.format(component.optionalNumber("upper"))));
    }
    if (component.has("batch_size") && component.has("train_size")
        && component.integer("batch_size") > component.integer("train_size")) {
      return Optional.of(new RuleViolation("batch_size",
          "batch_size must be <= train_size (each step draws its batch from the training"
              + " examples), got batch_size " + component.integer("batch_size")
              + " and train_size " + component.integer("train_size")));
    }
    if (component.def() == WorkloadDefs.FMNIST_CNN
        && WorkloadDefs.IMAGE_SIDE >> component.integers("channels").size() == 0) {
      return Optional.of(new RuleViolation("channels",
          "channels lists " + component.integers("channels").size() + " convolutions, but each"
              + " halves the " + WorkloadDefs.IMAGE_SIDE + "×" + WorkloadDefs.IMAGE_SIDE
              + " image (2×2 pooling), which leaves nothing after the fifth; give at most 4"));
    }
    if (component.def() == WorkloadDefs.FMNIST_CNN && component.integer("kernel") % 2 == 0) {
      return Optional.of(new RuleViolation("kernel",
          "kernel must be odd so that \"same\" padding keeps the image size, got "
              + component.integer("kernel")));
    }
    return Optional.empty();
  }
}
