package org.optbench.engine.djl;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.optim.alias.NativeOptimizers;
import org.optbench.spec.Component;
import org.optbench.spec.ParamAssignment;

/**
 * Builds the engine-side optimizer for a spec's resolved optimizer and schedule: the torch.optim
 * semantics of the native catalogue ({@code impl: torch}, the default) or, for sgd, adam and
 * adamw with {@code impl: djl_builtin}, DJL's own optimizer.
 */
final class DjlOptimizers {

  /** The optimizers whose {@code impl} may name DJL's built-in. */
  static final String IMPL = "impl";
  static final String BUILTIN = "djl_builtin";

  private DjlOptimizers() {}

  /** Whether a component asks for DJL's built-in optimizer. */
  static boolean builtin(Component optimizer) {
    return optimizer.has(IMPL) && BUILTIN.equals(optimizer.text(IMPL));
  }

  /** {@link #create(Component, Component, Component, int)} without clipping. */
  static Optimizer create(Component optimizer, Component schedule) {
    return create(optimizer, null, schedule, 0);
  }

  /**
   * @param clip the cell's clipping, read only by built-ins: DJL's {@code optClipGrad} stands in
   *     for {@code value} clipping there, so that its one-sided clamp is what gets measured
   * @param totalSteps the run's length, for schedules whose total is unset
   */
  static Optimizer create(Component o, Component clip, Component schedule, int totalSteps) {
    // The same rules across hyperparameters as the native library (Nesterov needs momentum,
    // Adafactor's lr vs relative_step), so that both engines refuse the same cells.
    NativeOptimizers.checkRules(o);
    Tracker lr = learningRate(o, schedule, totalSteps);
    if (builtin(o) && !ParamAssignment.needed(o)) {
      return builtinOptimizer(o, clip, lr);
    }
    if (ParamAssignment.needed(o)) {
      return new TorchParamGroups(o, schedule, totalSteps);
    }
    return EngineComponentProvider.installed().optimizer(o, lr);
  }

  /**
   * One group's engine optimizer: the entry's own optimizer for its tensors only, without the
   * routing {@link TorchParamGroups} adds.
   */
  static TorchOptimizer groupMember(Component o, Component schedule, int totalSteps) {
    NativeOptimizers.checkRules(o);
    if (builtin(o)) {
      throw new IllegalArgumentException("optimizer " + o.label() + ": DJL's built-in"
          + " optimizers cannot serve a parameter group; drop impl: djl_builtin");
    }
    return (TorchOptimizer) EngineComponentProvider.installed()
        .optimizer(o, learningRate(o, schedule, totalSteps));
  }

  private static Optimizer builtinOptimizer(Component o, Component clip, Tracker lr) {
    float clipGrad = clip != null && clip.name().equals("value")
        ? (float) clip.number("max_value")
        : -1f;
    return switch (o.name()) {
      case "sgd" -> {
        float momentum = (float) o.number("momentum");
        var b = Optimizer.sgd().setLearningRateTracker(lr).optMomentum(momentum)
            .optWeightDecays((float) o.number("weight_decay"));
        yield new BuiltinOptimizer(
            (clipGrad > 0 ? b.optClipGrad(clipGrad) : b).build(), lr, momentum != 0 ? 1 : 0);
      }
      case "adam" -> {
        var b = Optimizer.adam().optLearningRateTracker(lr)
            .optBeta1((float) o.number("beta1")).optBeta2((float) o.number("beta2"))
            .optEpsilon((float) o.number("eps")).optWeightDecays((float) o.number("weight_decay"));
        yield new BuiltinOptimizer((clipGrad > 0 ? b.optClipGrad(clipGrad) : b).build(), lr, 2);
      }
      case "adamw" -> {
        var b = Optimizer.adamW().optLearningRateTracker(lr)
            .optBeta1((float) o.number("beta1")).optBeta2((float) o.number("beta2"))
            .optEpsilon((float) o.number("eps")).optWeightDecays((float) o.number("weight_decay"));
        yield new BuiltinOptimizer((clipGrad > 0 ? b.optClipGrad(clipGrad) : b).build(), lr, 2);
      }
      default -> throw new IllegalArgumentException(
          "optimizer " + o.name() + " has no DJL built-in");
    };
  }

  /**
   * lrₜ = lr × schedule factor. Relative-step Adafactor has no lr: the tracker then gives the
   * schedule's factor alone, which multiplies its own ρₜ (as in the native library).
   */
  static Tracker learningRate(Component optimizer, Component schedule, int totalSteps) {
    Double lr = optimizer.optionalNumber("lr");
    return new ScheduleTracker(
        lr == null ? 1.0 : lr, NativeOptimizers.schedule(schedule, totalSteps));
  }

  /** The learning rate an engine optimizer uses at 1-based step {@code step}. */
  static float learningRate(Optimizer optimizer, int step) {
    if (optimizer instanceof TorchOptimizer torch) {
      return torch.learningRate(step);
    }
    return ((BuiltinOptimizer) optimizer).learningRate(step);
  }

  /**
   * The learning rate a step records: {@link #learningRate(Optimizer, int)} before its float32
   * rounding (the engine computes in float32; the result files hold the schedule's double).
   */
  static double recordedLearningRate(Optimizer optimizer, int step) {
    if (optimizer instanceof TorchOptimizer torch) {
      return torch.recordedLearningRate(step);
    }
    return ((BuiltinOptimizer) optimizer).recordedLearningRate(step);
  }

  /** Bytes of the optimizer's state arrays. */
  static long stateBytes(Optimizer optimizer) {
    if (optimizer instanceof TorchOptimizer torch) {
      return torch.stateBytes();
    }
    return ((BuiltinOptimizer) optimizer).stateBytes();
  }
}
