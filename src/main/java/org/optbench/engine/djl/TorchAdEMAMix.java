package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.spec.Component;

/**
 * AdEMAMix (Pagliardini et al. 2024) as optax.contrib.ademamix computes it, the native
 * {@code AdEMAMixUpdate}'s formula on NDArrays:
 *
 * <pre>
 *   m1 = β1·m1 + (1 − β1)·g;  m2 = β3·m2 + (1 − β3)·g;  v = β2·v + (1 − β2)·g²
 *   p = p − lr · ((m1/(1 − β1ᵗ) + α·m2) / (√(v/(1 − β2ᵗ)) + ε) + λ·p)
 * </pre>
 */
public final class TorchAdEMAMix extends TorchOptimizer {

  private final double beta1;
  private final double beta2;
  private final double beta3;
  private final float alpha;
  private final float eps;
  private final float weightDecay;

  private TorchAdEMAMix(Component o, Tracker lr) {
    super(new LearningRateOnly(lr));
    beta1 = o.number("beta1");
    beta2 = o.number("beta2");
    beta3 = o.number("beta3");
    alpha = (float) o.number("alpha");
    eps = (float) o.number("eps");
    weightDecay = (float) o.number("weight_decay");
  }

  /** The engine optimizer of a resolved ademamix component. */
  public static Optimizer create(Component o, Tracker lr) {
    return new TorchAdEMAMix(o, lr);
  }

  @Override
  protected int stateArrays() {
    return 3;
  }

  @Override
  protected int scratchArrays() {
    return 2;
  }

  @Override
  protected void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    NDArray fast = state[0];
    NDArray slow = state[1];
    NDArray v = state[2];
    NDArray t = scratch[0];
    NDArray u = scratch[1];
    copy(t, grad);
    fast.muli(scalar((float) beta1)).addi(t.muli(scalar((float) (1 - beta1))));
    copy(t, grad);
    slow.muli(scalar((float) beta3)).addi(t.muli(scalar((float) (1 - beta3))));
    decaySquares(v, grad, beta2, t);
    copy(t, v);
    try (NDArray denominator = t.divi(stepScalar(0, (float) (1 - Math.pow(beta2, step)))).sqrt()) {
      denominator.addi(scalar(eps));
      copy(u, fast);
      copy(t, slow);
      u.divi(stepScalar(1, (float) (1 - Math.pow(beta1, step)))).addi(t.muli(scalar(alpha)))
          .divi(denominator);
    }
    addScaledWeight(u, weight, weightDecay, t);
    weight.subi(u.muli(stepScalar(2, lr)));
  }
}
