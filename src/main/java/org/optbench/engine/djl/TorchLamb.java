package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.optim.transform.TensorMask;
import org.optbench.spec.Component;

/**
 * LAMB (You et al. 2019) as optax.lamb computes it, the native {@code LambUpdate}'s formula on
 * NDArrays, one parameter at a time:
 *
 * <pre>
 *   m = β1·m + (1 − β1)·g;  v = β2·v + (1 − β2)·g²
 *   u = (m/(1 − β1ᵗ)) / (√(v/(1 − β2ᵗ) + ε_root) + ε) + λ·p
 *   p = p − lr·r·u,   r = ‖p‖/‖u‖ (1 when either is 0)
 * </pre>
 *
 * The gradient array holds u. With exclude_vectors, tensors of rank ≤ 1 get neither λ nor r.
 */
public final class TorchLamb extends LayerwiseOptimizer {

  private final double beta1;
  private final double beta2;
  private final float eps;
  private final float epsRoot;
  private final float weightDecay;
  private final TensorMask mask;

  private TorchLamb(Component o, Tracker lr) {
    super(new LearningRateOnly(lr));
    beta1 = o.number("beta1");
    beta2 = o.number("beta2");
    eps = (float) o.number("eps");
    epsRoot = (float) o.number("eps_root");
    weightDecay = (float) o.number("weight_decay");
    mask = TensorMask.excludingVectors(o.flag("exclude_vectors"));
  }

  /** The engine optimizer of a resolved lamb component. */
  public static Optimizer create(Component o, Tracker lr) {
    return new TorchLamb(o, lr);
  }

  /** m and v, in the native order. */
  @Override
  protected int stateArrays() {
    return 2;
  }

  @Override
  protected void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    NDArray m = state[0];
    NDArray v = state[1];
    NDArray t = scratch[0];
    NDArray wide = scratch[1];
    copy(t, grad);
    m.muli(scalar((float) beta1)).addi(t.muli(scalar((float) (1 - beta1))));
    decaySquares(v, grad, beta2, t);
    copy(t, v);
    t.divi(stepScalar(0, (float) (1 - Math.pow(beta2, step)))).addi(scalar(epsRoot));
    try (NDArray denominator = t.sqrt()) {
      denominator.addi(scalar(eps));
      copy(grad, m);
      grad.divi(stepScalar(1, (float) (1 - Math.pow(beta1, step)))).divi(denominator);
    }
    boolean covered = mask.covers(weight.getShape().dimension());
    float ratio = 1f;
    if (covered) {
      addScaledWeight(grad, weight, weightDecay, t);
      ratio = trustRatio(weight, grad, wide, 1.0, 0.0);
    }
    weight.subi(grad.muli(stepScalar(2, lr * ratio)));
  }
}
