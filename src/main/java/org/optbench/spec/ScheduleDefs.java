package org.optbench.spec;

import static org.optbench.spec.ParamDef.integer;
import static org.optbench.spec.ParamDef.real;

import java.util.List;

/** Learning-rate schedules: step → multiplier of the optimizer's lr. */
final class ScheduleDefs {

  private ScheduleDefs() {}

  /** Unset means "the run's own number of steps". */
  private static ParamDef totalSteps() {
    return new ParamDef("total_steps", ParamType.INT, null, true, Range.AT_LEAST_ONE, List.of(),
        "step at which the decay ends; null = the run's steps");
  }

  private static final Range DECAY = new Range(0, false, 1, true);

  static final ComponentDef CONSTANT =
      new ComponentDef("constant", "the optimizer's lr at every step", "-", List.of());

  static final ComponentDef STEP =
      new ComponentDef(
          "step",
          "multiply lr by gamma every step_size steps",
          "torch.optim.lr_scheduler.StepLR",
          List.of(
              integer("step_size", 1000, Range.AT_LEAST_ONE, "steps between decays"),
              real("gamma", 0.1, DECAY, "factor per decay")));

  static final ComponentDef EXPONENTIAL =
      new ComponentDef(
          "exponential",
          "multiply lr by gamma every step",
          "torch.optim.lr_scheduler.ExponentialLR",
          List.of(real("gamma", 0.999, DECAY, "factor per step")));

  static final ComponentDef INVERSE_SQRT =
      new ComponentDef(
          "inverse_sqrt",
          "linear warm-up to lr, then lr·√(warmup/t)",
          "Vaswani et al. 2017 §5.3; fairseq inverse_sqrt",
          List.of(integer("warmup_steps", 100, Range.AT_LEAST_ONE, "steps to reach lr")));

  static final ComponentDef SQRT_DECAY =
      new ComponentDef(
          "sqrt_decay",
          "lr/√t from the first step",
          "Kingma & Ba 2015 §6.1 (αₜ = α/√t)",
          List.of());

  static final ComponentDef WARMUP_LINEAR =
      new ComponentDef(
          "warmup_linear",
          "linear warm-up to lr, then linear decay to final_factor·lr",
          "transformers get_linear_schedule_with_warmup",
          List.of(
              integer("warmup_steps", 100, Range.AT_LEAST_ONE, "steps to reach lr"),
              totalSteps(),
              real("final_factor", 0.0, Range.UNIT_CLOSED, "lr at total_steps, as a fraction")));

  static final ComponentDef WARMUP_COSINE =
      new ComponentDef(
          "warmup_cosine",
          "linear warm-up to lr, then half a cosine down to final_factor·lr",
          "Loshchilov & Hutter 2017 (SGDR); Brown et al. 2020 (GPT-3: floor 10%)",
          List.of(
              integer("warmup_steps", 100, Range.AT_LEAST_ONE, "steps to reach lr"),
              totalSteps(),
              real("final_factor", 0.1, Range.UNIT_CLOSED, "lr at total_steps, as a fraction")));

  static final List<ComponentDef> ALL =
      List.of(CONSTANT, STEP, EXPONENTIAL, INVERSE_SQRT, SQRT_DECAY, WARMUP_LINEAR, WARMUP_COSINE);
}
