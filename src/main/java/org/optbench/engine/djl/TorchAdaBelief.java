package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.spec.Component;

/**
 * AdaBelief (Zhuang et al. 2020) as optax.adabelief computes it, the native
 * {@code AdaBeliefUpdate}'s formula on NDArrays:
 *
 * <pre>
 *   m = β1·m + (1 − β1)·g;  s = β2·s + (1 − β2)·(g − m)² + ε_root
 *   p = p − lr · (m/(1 − β1ᵗ)) / (√(s/(1 − β2ᵗ)) + ε)
 * </pre>
 */
public final class TorchAdaBelief extends TorchOptimizer {

  private final double beta1;
  private final double beta2;
  private final float eps;
  private final float epsRoot;

  private TorchAdaBelief(Component o, Tracker lr) {
    super(new LearningRateOnly(lr));
    beta1 = o.number("beta1");
    beta2 = o.number("beta2");
    eps = (float) o.number("eps");
    epsRoot = (float) o.number("eps_root");
  }

  /** The engine optimizer of a resolved adabelief component. */
  public static Optimizer create(Component o, Tracker lr) {
    return new TorchAdaBelief(o, lr);
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
    NDArray s = state[1];
    NDArray t = scratch[0];
    copy(t, grad);
    m.muli(scalar((float) beta1)).addi(t.muli(scalar((float) (1 - beta1))));
    copy(t, grad);
    t.subi(m);
    s.muli(scalar((float) beta2)).addi(t.muli(t).muli(scalar((float) (1 - beta2))))
        .addi(scalar(epsRoot));
    copy(t, s);
    try (NDArray denominator = t.divi(stepScalar(0, (float) (1 - Math.pow(beta2, step)))).sqrt()) {
      denominator.addi(scalar(eps));
      copy(t, m);
      weight.subi(t.divi(stepScalar(1, (float) (1 - Math.pow(beta1, step)))).divi(denominator)
          .muli(stepScalar(2, lr)));
    }
  }
}
