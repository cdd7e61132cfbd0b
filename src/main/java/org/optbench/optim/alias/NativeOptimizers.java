package org.optbench.optim.alias;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.schedule.Schedule;
import org.optbench.optim.schedule.Schedules;
import org.optbench.optim.transform.SecondMomentDecay;
import org.optbench.spec.Component;

/**
 * Builds native optimizers from the catalogue's resolved components. Every hyperparameter has
 * already passed its range check in the spec layer; the cross-parameter rules (Nesterov needs
 * momentum, Adafactor's lr versus relative_step, ...) are checked here, with messages that name
 * the component and parameter.
 */
public final class NativeOptimizers {

  private NativeOptimizers() {}

  /** {@link #create(Component, Component, Component, int)} for schedules that need no length. */
  public static NativeOptimizer create(Component optimizer, Component clip, Component schedule) {
    return create(optimizer, clip, schedule, 0);
  }

  /**
   * @param totalSteps the run's length, used by schedules whose {@code total_steps} is unset and
   *     to preallocate AutoClip's history; 0 when unknown
   */
  public static NativeOptimizer create(
      Component optimizer, Component clip, Component schedule, int totalSteps) {
    Recipe recipe = recipe(optimizer);
    GradientTransform clipping = Clips.create(clip, totalSteps);
    return new NativeOptimizer(recipe, clipping, schedule(schedule, totalSteps), baseLr(optimizer));
  }

  /** The optimizer recipe of an optimizer component. */
  public static Recipe recipe(Component o) {
    return switch (o.name()) {
      case "sgd" -> {
        if (o.flag("nesterov") && (o.number("momentum") <= 0 || o.number("dampening") != 0)) {
          throw new IllegalArgumentException(
              "optimizer sgd: nesterov needs momentum > 0 and dampening 0");
        }
        yield Optimizers.sgd(o.number("momentum"), o.number("dampening"), o.flag("nesterov"),
            o.number("weight_decay"));
      }
      case "adam" -> Optimizers.adam(o.number("beta1"), o.number("beta2"), o.number("eps"),
          o.number("weight_decay"), false, o.flag("amsgrad"), true);
      case "adamw" -> Optimizers.adam(o.number("beta1"), o.number("beta2"), o.number("eps"),
          o.number("weight_decay"), true, o.flag("amsgrad"), true);
      case "amsgrad" -> Optimizers.adam(o.number("beta1"), o.number("beta2"), o.number("eps"),
          o.number("weight_decay"), false, true, true);
      case "adagrad" -> Optimizers.adagrad(o.number("lr_decay"), o.number("eps"),
          o.number("initial_accumulator_value"), o.number("weight_decay"));
      case "rmsprop" -> Optimizers.rmsprop(o.number("alpha"), o.number("eps"),
          o.number("momentum"), o.flag("centered"), o.number("weight_decay"));
      case "yogi" -> Optimizers.yogi(o.number("beta1"), o.number("beta2"), o.number("eps"));
      case "lion" -> Optimizers.lion(o.number("beta1"), o.number("beta2"),
          o.number("weight_decay"));
      case "adafactor" -> {
        checkAdafactor(o);
        yield Optimizers.adafactor(o.number("eps1"), o.number("eps2"),
            updateClipThreshold(o), secondMomentDecay(o), o.optionalNumber("beta1"),
            o.number("weight_decay"), o.flag("scale_parameter"), o.flag("relative_step"),
            o.flag("warmup_init"), o.flag("factored"));
      }
      case "adafactor_torch" -> Optimizers.adafactorTorch(o.number("beta2_decay"),
          o.optionalNumber("eps1"), o.number("eps2"), o.number("d"), o.number("weight_decay"));
      default -> throw new IllegalArgumentException(
          "no native implementation of optimizer '" + o.name() + "'");
    };
  }

  /**
   * Adafactor's β̂2ₜ: a constant {@code beta2} with bias correction when given (the paper's
   * slow-decay ablation), else transformers' 1 − t^decay_rate. Shared with the engine.
   */
  public static SecondMomentDecay secondMomentDecay(Component o) {
    Double beta2 = o.optionalNumber("beta2");
    return beta2 != null
        ? SecondMomentDecay.biasCorrected(beta2)
        : SecondMomentDecay.increasing(o.number("decay_rate"));
  }

  /**
   * Adafactor's update clipping threshold d; null in the spec (the paper's "no clipping" rows)
   * is +∞, so that max(1, RMS(U)/d) is always 1. Shared with the engine.
   */
  public static double updateClipThreshold(Component o) {
    Double d = o.optionalNumber("clip_threshold");
    return d == null ? Double.POSITIVE_INFINITY : d;
  }

  /** transformers' Adafactor refuses the same combinations. */
  private static void checkAdafactor(Component o) {
    boolean hasLr = o.optionalNumber("lr") != null;
    boolean relative = o.flag("relative_step");
    if (hasLr && relative) {
      throw new IllegalArgumentException(
          "optimizer adafactor: lr is set, so set relative_step: false (or leave lr null)");
    }
    if (!hasLr && !relative) {
      throw new IllegalArgumentException(
          "optimizer adafactor: relative_step is false, so lr must be given");
    }
    if (o.flag("warmup_init") && !relative) {
      throw new IllegalArgumentException(
          "optimizer adafactor: warmup_init needs relative_step: true");
    }
  }

  /**
   * The lr the schedule multiplies. Relative-step Adafactor has none: its ρₜ is its own, and the
   * schedule's factor multiplies ρₜ instead.
   */
  static double baseLr(Component o) {
    Double lr = o.optionalNumber("lr");
    return lr == null ? 1.0 : lr;
  }

  /** The schedule of a schedule component. */
  public static Schedule schedule(Component s, int totalSteps) {
    return switch (s.name()) {
      case "constant" -> Schedules.constant();
      case "step" -> Schedules.step(s.integer("step_size"), s.number("gamma"));
      case "exponential" -> Schedules.exponential(s.number("gamma"));
      case "inverse_sqrt" -> Schedules.inverseSqrt(s.integer("warmup_steps"));
      case "sqrt_decay" -> Schedules.sqrtDecay();
      case "warmup_linear" -> Schedules.warmupLinear(s.integer("warmup_steps"),
          total(s, totalSteps), s.number("final_factor"));
      case "warmup_cosine" -> Schedules.warmupCosine(s.integer("warmup_steps"),
          total(s, totalSteps), s.number("final_factor"));
      default -> throw new IllegalArgumentException(
          "no native implementation of schedule '" + s.name() + "'");
    };
  }

  private static int total(Component s, int totalSteps) {
    Object given = s.params().get("total_steps");
    if (given != null) {
      return ((Number) given).intValue();
    }
    if (totalSteps < 1) {
      throw new IllegalArgumentException("schedule " + s.name()
          + ": total_steps is unset and the run's length is unknown");
    }
    return totalSteps;
  }
}
