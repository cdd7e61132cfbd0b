package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.spec.Component;

/**
 * RAdam with torch.optim.RAdam's semantics (Liu et al. 2020, Algorithm 2), the native
 * {@code RadamUpdate}'s formula on NDArrays: momentum SGD with m/(1 − β1ᵗ) while ρₜ ≤ 5, then
 * Adam's step times the rectification rₜ.
 */
public final class TorchRadam extends TorchOptimizer {

  private final double beta1;
  private final double beta2;
  private final float eps;
  private final float weightDecay;
  private final boolean decoupled;

  private TorchRadam(Component o, Tracker lr) {
    super(new LearningRateOnly(lr));
    beta1 = o.number("beta1");
    beta2 = o.number("beta2");
    eps = (float) o.number("eps");
    weightDecay = (float) o.number("weight_decay");
    decoupled = o.flag("decoupled_weight_decay");
  }

  /** The engine optimizer of a resolved radam component. */
  public static Optimizer create(Component o, Tracker lr) {
    return new TorchRadam(o, lr);
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
    weightDecay(weight, grad, lr, weightDecay, decoupled, t, 0);
    lerp(m, grad, (float) (1 - beta1), t);
    decaySquares(v, grad, beta2, t);
    double rhoInf = 2 / (1 - beta2) - 1;
    double bc2 = 1 - Math.pow(beta2, step);
    double rhoT = rhoInf - 2 * step * Math.pow(beta2, step) / bc2;
    copy(t, m);
    t.divi(stepScalar(1, (float) (1 - Math.pow(beta1, step)))).muli(stepScalar(2, lr));
    if (rhoT > 5.0) {
      double rect = Math.sqrt(
          (rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
      try (NDArray root = v.sqrt()) {
        root.addi(scalar(eps));
        // torch: √(1 − β2ᵗ) / (√v + ε) as one tensor, then times rₜ.
        NDArray adaptive = scratch[1];
        adaptive.subi(adaptive).addi(stepScalar(3, (float) Math.sqrt(bc2))).divi(root);
        t.muli(adaptive).muli(stepScalar(4, (float) rect));
      }
    }
    weight.subi(t);
  }
}
