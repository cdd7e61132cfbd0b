package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.spec.Component;

/**
 * Adamax with torch.optim.Adamax's semantics (Kingma &amp; Ba 2015, Algorithm 2), the native
 * {@code AdamaxUpdate}'s formula on NDArrays:
 *
 * <pre>
 *   g = g + λ·p;  m = lerp(m, g, 1 − β1);  u = max(β2·u, |g| + ε)
 *   p = p − lr/(1 − β1ᵗ) · m/u
 * </pre>
 */
public final class TorchAdamax extends TorchOptimizer {

  private final double beta1;
  private final float beta2;
  private final float eps;
  private final float weightDecay;

  private TorchAdamax(Component o, Tracker lr) {
    super(new LearningRateOnly(lr));
    beta1 = o.number("beta1");
    beta2 = (float) o.number("beta2");
    eps = (float) o.number("eps");
    weightDecay = (float) o.number("weight_decay");
  }

  /** The engine optimizer of a resolved adamax component. */
  public static Optimizer create(Component o, Tracker lr) {
    return new TorchAdamax(o, lr);
  }

  @Override
  protected int stateArrays() {
    return 2;
  }

  @Override
  protected int scratchArrays() {
    return 1;
  }

  @Override
  protected void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    NDArray m = state[0];
    NDArray u = state[1];
    NDArray t = scratch[0];
    addScaledWeight(grad, weight, weightDecay, t);
    lerp(m, grad, (float) (1 - beta1), t);
    u.muli(scalar(beta2));
    copy(t, grad);
    // DJL has no in-place abs or maximum: the one temporary takes u's place (as AMSGrad's max).
    try (NDArray magnitude = t.abs()) {
      magnitude.addi(scalar(eps));
      u.intern(u.maximum(magnitude));
    }
    copy(t, m);
    weight.subi(t.divi(u).muli(stepScalar(0, (float) (lr / (1 - Math.pow(beta1, step))))));
  }
}
