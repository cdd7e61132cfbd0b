package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.spec.Component;

/**
 * The AlgoPerf baseline's NAdamW (Choi et al. 2019, Table 1, with decoupled decay), the native
 * {@code NadamWUpdate}'s formula on NDArrays:
 *
 * <pre>
 *   p = p·(1 − lr·λ)
 *   m = lerp(m, g, 1 − β1);  v = β2·v + (1 − β2)·g²;  m̄ = lerp(m, g, 1 − β1)
 *   p = p − lr/(1 − β1ᵗ) · m̄ / (√v / √(1 − β2ᵗ) + ε)
 * </pre>
 */
public final class TorchNadamW extends TorchOptimizer {

  private final double beta1;
  private final double beta2;
  private final float eps;
  private final float weightDecay;

  private TorchNadamW(Component o, Tracker lr) {
    super(new LearningRateOnly(lr));
    beta1 = o.number("beta1");
    beta2 = o.number("beta2");
    eps = (float) o.number("eps");
    weightDecay = (float) o.number("weight_decay");
  }

  /** The engine optimizer of a resolved nadamw component. */
  public static Optimizer create(Component o, Tracker lr) {
    return new TorchNadamW(o, lr);
  }

  @Override
  protected int stateArrays() {
    return 2;
  }

  @Override
  protected int scratchArrays() {
    return 2;
  }

  @Override
  protected void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    NDArray m = state[0];
    NDArray v = state[1];
    NDArray t = scratch[0];
    NDArray lookAhead = scratch[1];
    weight.muli(stepScalar(0, 1 - lr * weightDecay));
    float w1 = (float) (1 - beta1);
    lerp(m, grad, w1, t);
    decaySquares(v, grad, beta2, t);
    copy(lookAhead, m);
    lerp(lookAhead, grad, w1, t);
    try (NDArray denominator = v.sqrt()) {
      denominator.divi(stepScalar(1, (float) Math.sqrt(1 - Math.pow(beta2, step))))
          .addi(scalar(eps));
      weight.subi(lookAhead.divi(denominator)
          .muli(stepScalar(2, (float) (lr / (1 - Math.pow(beta1, step))))));
    }
  }
}
