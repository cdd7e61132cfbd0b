package org.optbench.engine.djl;

import ai.djl.training.tracker.Tracker;
import org.optbench.spec.Component;

/** Builds the engine-side optimizer for a spec's resolved optimizer and schedule. */
final class DjlOptimizers {

  private DjlOptimizers() {}

  static TorchOptimizer create(Component optimizer, Component schedule) {
    Tracker learningRate = learningRate(optimizer, schedule);
    return switch (optimizer.name()) {
      case "sgd" ->
          TorchSgd.builder()
              .setLearningRateTracker(learningRate)
              .optMomentum((float) optimizer.number("momentum"))
              .optDampening((float) optimizer.number("dampening"))
              .optNesterov(optimizer.flag("nesterov"))
              .optWeightDecay((float) optimizer.number("weight_decay"))
              .build();
      case "adam" ->
          TorchAdam.builder()
              .setLearningRateTracker(learningRate)
              .optBeta1((float) optimizer.number("beta1"))
              .optBeta2((float) optimizer.number("beta2"))
              .optEpsilon((float) optimizer.number("eps"))
              .optWeightDecay((float) optimizer.number("weight_decay"))
              .optAmsgrad(optimizer.flag("amsgrad"))
              .build();
      default ->
          throw new IllegalArgumentException(
              "optimizer " + optimizer.name() + " has no engine implementation for djl");
    };
  }

  private static Tracker learningRate(Component optimizer, Component schedule) {
    float lr = (float) optimizer.number("lr");
    if (!schedule.name().equals("constant")) {
      throw new IllegalArgumentException(
          "schedule " + schedule.name() + " has no engine implementation for djl");
    }
    return Tracker.fixed(lr);
  }
}
