package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.spec.Component;

/**
 * Schedule-Free AdamW (Defazio et al. 2024) as optax.contrib.schedule_free_adamw computes it, the
 * native {@code ScheduleFreeAdamWUpdate} on NDArrays: v ← β2·v + (1 − β2)·g²,
 * u = g/(√(v/(1 − β2ᵗ)) + ε) + λ·y, then {@link TorchScheduleFree}'s step. State: z, v.
 */
public final class TorchScheduleFreeAdamW extends TorchScheduleFree {

  private final double beta2;
  private final float eps;

  private TorchScheduleFreeAdamW(Component o, Tracker lr) {
    super(new LearningRateOnly(lr), o.number("beta1"), o.number("weight_decay"),
        o.number("weight_lr_power"));
    beta2 = o.number("beta2");
    eps = (float) o.number("eps");
  }

  /** The engine optimizer of a resolved schedule_free_adamw component. */
  public static Optimizer create(Component o, Tracker lr) {
    return new TorchScheduleFreeAdamW(o, lr);
  }

  @Override
  protected int stateArrays() {
    return 2;
  }

  @Override
  void direction(int step, NDArray weight, NDArray grad, NDArray[] state, NDArray scratch) {
    NDArray v = state[1];
    decaySquares(v, grad, beta2, scratch);
    copy(scratch, v);
    try (NDArray root = scratch.divi(stepScalar(3, (float) (1 - Math.pow(beta2, step)))).sqrt()) {
      grad.divi(root.addi(scalar(eps)));
    }
    addScaledWeight(grad, weight, weightDecay, scratch);
  }
}
