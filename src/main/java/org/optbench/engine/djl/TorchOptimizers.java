package org.optbench.engine.djl;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.ComponentValues;
import org.optbench.spec.CurvatureNeed;
import org.optbench.spec.ParamAssignment;

/**
 * optbench's optimizers as DJL {@link Optimizer}s with torch.optim's semantics, for any DJL
 * {@code Trainer}:
 *
 * <pre>{@code
 * Optimizer adamW = TorchOptimizers.adamW().learningRate(1e-3).set("weight_decay", 0.01).build();
 * TrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(adamW);
 * }</pre>
 *
 * <p>Every optimizer of {@code optbench list} is available by its spec name ({@link
 * #named(String)}), with the same hyperparameters, defaults and checks as in a spec; values not
 * set keep the catalogue's defaults. These are the optimizers optbench's own runs use, verified
 * step by step against torch.optim (docs/optimizers.md). The learning rate is {@code lr} unless a
 * schedule is given, either one of optbench's ({@link Builder#schedule(String, Map, int)}) or any
 * DJL {@link Tracker} ({@link Builder#learningRateTracker(Tracker)}).
 *
 * <p>An optimizer that updates some tensor ranks only (Muon: matrices) hands the others to its
 * catalogue fallback at its defaults (AdamW), as in a spec without parameter groups; it steps
 * through {@link TorchStep}, which tells it the model's tensors, and takes optbench's schedules
 * only. Sophia needs Hessian-diagonal estimates from optbench's training loop and is refused here.
 */
public final class TorchOptimizers {

  private TorchOptimizers() {}

  /** AdamW (Loshchilov &amp; Hutter 2019) as torch.optim.AdamW: lr 1e-3, weight_decay 0.01. */
  public static Builder adamW() {
    return named("adamw");
  }

  /** Adam (Kingma &amp; Ba 2015) as torch.optim.Adam. */
  public static Builder adam() {
    return named("adam");
  }

  /** SGD with optional momentum, dampening and Nesterov, as torch.optim.SGD. */
  public static Builder sgd() {
    return named("sgd");
  }

  /** Lion (Chen et al. 2023). */
  public static Builder lion() {
    return named("lion");
  }

  /**
   * The optimizer {@code name} of the catalogue ({@link #names()}).
   *
   * @throws IllegalArgumentException for a name the catalogue does not have
   */
  public static Builder named(String name) {
    ComponentDef def = Catalog.find(Axis.OPTIMIZER, name).orElseThrow(
        () -> new IllegalArgumentException(Catalog.unknownName(Axis.OPTIMIZER, name)));
    if (def.curvature() != CurvatureNeed.NONE) {
      throw new IllegalArgumentException("optimizer " + name + " needs Hessian-diagonal"
          + " estimates that only optbench's training loop supplies; run it from a spec");
    }
    return new Builder(name);
  }

  /** The names {@link #named(String)} accepts, in catalogue order. */
  public static List<String> names() {
    return Catalog.components(Axis.OPTIMIZER).stream()
        .filter(def -> def.curvature() == CurvatureNeed.NONE)
        .map(ComponentDef::name)
        .toList();
  }

  /** Hyperparameters and learning-rate schedule of one optimizer; {@link #build()} checks them. */
  public static final class Builder {

    private final String name;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private Tracker tracker;
    private Component schedule;
    private int totalSteps;

    private Builder(String name) {
      this.name = name;
    }

    /** Sets hyperparameter {@code key} (its spec name, e.g. {@code beta2}) to {@code value}. */
    public Builder set(String key, Object value) {
      values.put(key, value);
      return this;
    }

    /** The base learning rate {@code lr}. */
    public Builder learningRate(double lr) {
      return set("lr", lr);
    }

    /** The weight decay (L2 or decoupled, as the optimizer defines it). */
    public Builder weightDecay(double weightDecay) {
      return set("weight_decay", weightDecay);
    }

    /**
     * lrₜ = lr × the factor of optbench's schedule {@code name} (e.g. {@code warmup_cosine}
     * with {@code warmup_steps}), over a run of {@code totalSteps} steps.
     */
    public Builder schedule(String name, Map<String, ?> scheduleValues, int totalSteps) {
      this.schedule = ComponentValues.resolve(Axis.SCHEDULE, name, scheduleValues);
      this.totalSteps = totalSteps;
      this.tracker = null;
      return this;
    }

    /** The learning rate of each step from a DJL tracker, in place of {@code lr}. */
    public Builder learningRateTracker(Tracker tracker) {
      this.tracker = tracker;
      this.schedule = null;
      return this;
    }

    /**
     * The optimizer.
     *
     * @throws IllegalArgumentException naming the hyperparameter and what it accepts, for an
     *     unknown key, a value of the wrong type or range, or values that break a rule across
     *     hyperparameters (e.g. Nesterov without momentum)
     */
    public Optimizer build() {
      Component optimizer = ComponentValues.resolve(Axis.OPTIMIZER, name, values);
      if (ParamAssignment.needed(optimizer)) {
        if (tracker != null) {
          throw new IllegalArgumentException("optimizer " + name + " hands some tensors to "
              + optimizer.def().scope().others() + ", whose rate follows optbench's schedules"
              + " only; give schedule(name, values, totalSteps) instead of a DJL tracker");
        }
        return new TorchParamGroups(optimizer, scheduleOrConstant(), totalSteps);
      }
      Tracker lr = tracker != null
          ? tracker
          : DjlOptimizers.learningRate(optimizer, scheduleOrConstant(), totalSteps);
      return EngineComponentProvider.installed().optimizer(optimizer, lr);
    }

    private Component scheduleOrConstant() {
      return schedule != null
          ? schedule
          : ComponentValues.resolve(Axis.SCHEDULE, "constant", Map.of());
    }
  }
}
