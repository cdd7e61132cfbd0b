package org.optbench.optim.alias;

import java.util.ArrayList;
import java.util.List;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.schedule.Schedule;
import org.optbench.optim.schedule.Schedules;
import org.optbench.optim.transform.SecondMomentDecay;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.Component;
import org.optbench.spec.ParamAssignment;
import org.optbench.spec.ParamGroup;
import org.optbench.spec.ParamScope;

/**
 * Builds native optimizers from the catalogue's resolved components. Every hyperparameter has
 * already passed its range check in the spec layer; the rules across hyperparameters (Nesterov
 * needs momentum, Adafactor's lr versus relative_step, ...) are checked again here, for code that
 * builds components without a spec.
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

  /**
   * The optimizer recipe of an optimizer component, from the registry entry that defines it.
   *
   * @throws IllegalArgumentException when its hyperparameters break one of its rules
   */
  public static Recipe recipe(Component o) {
    if (ParamAssignment.needed(o)) {
      return groupedRecipe(o);
    }
    return memberRecipe(o);
  }

  /** The recipe of one group's optimizer on its own tensors, without group routing. */
  static Recipe memberRecipe(Component o) {
    checkRules(o);
    return NativeComponentProvider.installed().recipe(o);
  }

  /**
   * An entry with parameter groups: each group's recipe on its tensors; the state formula is the
   * sum of the groups' formulas, each over its own tensors.
   */
  private static Recipe groupedRecipe(Component o) {
    checkRules(o);
    List<String> parts = new ArrayList<>();
    parts.add(o.name() + " " + memberRecipe(o.withGroups(List.of())).stateFormula().text());
    for (ParamGroup g : o.groups()) {
      parts.add(g.select().label() + " → " + g.optimizer().name() + " "
          + memberRecipe(g.optimizer()).stateFormula().text());
    }
    ParamScope scope = o.def().scope();
    if (!scope.ranks().isEmpty()) {
      Component others = Component.withDefaults(
          Catalog.find(Axis.OPTIMIZER, scope.others()).orElseThrow());
      parts.add("other ranks → " + others.name() + " " + memberRecipe(others).stateFormula()
          .text());
    }
    StateFormula formula = new StateFormula(
        "per group, n its parameters: " + String.join("; ", parts), params -> {
          ParamAssignment assignment =
              ParamAssignment.of(o, ParamGroupsTransform.describe(params));
          long bytes = 0;
          for (Component group : assignment.distinct()) {
            ParamTree own = ParamGroupsTransform.subTree(params, assignment.tensorsOf(group));
            bytes += memberRecipe(group).stateFormula().evaluate(own);
          }
          return bytes;
        }, params -> {
          ParamAssignment assignment =
              ParamAssignment.of(o, ParamGroupsTransform.describe(params));
          List<String> shares = new ArrayList<>();
          for (Component group : assignment.distinct()) {
            int[] tensors = assignment.tensorsOf(group);
            ParamTree own = ParamGroupsTransform.subTree(params, tensors);
            List<String> names = new ArrayList<>();
            for (int i : tensors) {
              names.add(params.get(i).name());
            }
            shares.add(group.withGroups(List.of()).label() + " on " + String.join(", ", names) + ": "
                + memberRecipe(group).stateFormula().evaluate(own) + " B");
          }
          return String.join("; ", shares);
        });
    Recipe main = memberRecipe(o.withGroups(List.of()));
    return new Recipe(o.name(), new ParamGroupsTransform(o), formula,
        main.reference() + "; parameter groups as torch's param_groups");
  }

  /**
   * Refuses an optimizer component that breaks its definition's rule, for callers that build
   * components without a spec (which checks them with file positions).
   *
   * @throws IllegalArgumentException naming the optimizer and the problem
   */
  public static void checkRules(Component o) {
    o.def().rule().check(o).ifPresent(broken -> {
      throw new IllegalArgumentException("optimizer " + o.name() + ": " + broken.problem());
    });
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
