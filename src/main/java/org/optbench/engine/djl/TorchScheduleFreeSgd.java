package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.spec.Component;

/**
 * Schedule-Free SGD (Defazio et al. 2024) as optax.contrib.schedule_free_sgd computes it, the
 * native {@code ScheduleFreeSgdUpdate} on NDArrays: u = g + λ·y, then {@link TorchScheduleFree}'s
 * step. State: z.
 */
public final class TorchScheduleFreeSgd extends TorchScheduleFree {

  private TorchScheduleFreeSgd(Component o, Tracker lr) {
    super(new LearningRateOnly(lr), o.number("beta1"), o.number("weight_decay"),
        o.number("weight_lr_power"));
  }

  /** The engine optimizer of a resolved schedule_free_sgd component. */
  public static Optimizer create(Component o, Tracker lr) {
    return new TorchScheduleFreeSgd(o, lr);
  }

  @Override
  protected int stateArrays() {
    return 1;
  }

  @Override
  void direction(int step, NDArray weight, NDArray grad, NDArray[] state, NDArray scratch) {
    addScaledWeight(grad, weight, weightDecay, scratch);
  }
}
