package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.spec.Component;

/**
 * ADOPT (Taniguchi et al. 2024) as optax.contrib.adopt computes it, the native
 * {@code AdoptUpdate}'s formula on NDArrays: at step 1 only v = g²; then
 * u = clip(g / max(√v_prev, ε), ±(t − 1)^¼), v = β2·v + (1 − β2)·g², m = β1·m + (1 − β1)·u,
 * p = p − lr·m (nesterov: lr·(β1·m + (1 − β1)·u)).
 */
public final class TorchAdopt extends TorchOptimizer {

  private final double beta1;
  private final double beta2;
  private final float eps;
  private final boolean nesterov;
  private final boolean clipping;

  private TorchAdopt(Component o, Tracker lr) {
    super(new LearningRateOnly(lr));
    beta1 = o.number("beta1");
    beta2 = o.number("beta2");
    eps = (float) o.number("eps");
    nesterov = o.flag("nesterov");
    clipping = o.flag("clip");
  }

  /** The engine optimizer of a resolved adopt component. */
  public static Optimizer create(Component o, Tracker lr) {
    return new TorchAdopt(o, lr);
  }

  @Override
  protected int stateArrays() {
    return 2;
  }

  @Override
  protected int scratchArrays() {
    return 2;
  }

  /** The maximum and the clip are allocating ops; the scratch manager frees them. */
  @Override
  protected boolean collectsTemporaries() {
    return true;
  }

  @Override
  protected void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    NDArray m = state[0];
    NDArray v = state[1];
    NDArray u = scratch[0];
    NDArray t = scratch[1];
    if (step == 1) {
      copy(v, grad);
      v.muli(grad);
      return;
    }
    int k = step - 1;
    NDArray root = v.sqrt().maximum(eps);
    copy(u, grad);
    u.divi(root);
    if (clipping) {
      float bound = (float) Math.pow(k, 0.25);
      u.intern(u.clip(-bound, bound));
    }
    decaySquares(v, grad, beta2, t);
    copy(t, u);
    m.muli(scalar((float) beta1)).addi(t.muli(scalar((float) (1 - beta1))));
    if (nesterov) {
      copy(t, m);
      t.muli(scalar((float) beta1)).addi(u.muli(scalar((float) (1 - beta1))));
      weight.subi(t.muli(stepScalar(0, lr)));
    } else {
      copy(t, m);
      weight.subi(t.muli(stepScalar(0, lr)));
    }
  }
}
