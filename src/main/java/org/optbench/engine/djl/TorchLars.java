package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.optim.transform.TensorMask;
import org.optbench.spec.Component;

/**
 * LARS (You et al. 2017) as optax.lars computes it, the native {@code LarsUpdate}'s formula on
 * NDArrays, one parameter at a time:
 *
 * <pre>
 *   g = g + λ·p;  u = lr·r·g,  r = η·‖p‖/(‖g‖ + ε) (1 when either norm is 0)
 *   b = μ·b + u;  p = p − b   (nesterov: p = p − (u + μ·b); μ = 0: p = p − u)
 * </pre>
 *
 * The gradient array holds g, then u. With exclude_vectors, tensors of rank ≤ 1 get neither λ
 * nor r.
 */
public final class TorchLars extends LayerwiseOptimizer {

  private final float weightDecay;
  private final double trustCoefficient;
  private final double eps;
  private final float momentum;
  private final boolean nesterov;
  private final TensorMask mask;

  private TorchLars(Component o, Tracker lr) {
    super(new LearningRateOnly(lr));
    weightDecay = (float) o.number("weight_decay");
    trustCoefficient = o.number("trust_coefficient");
    eps = o.number("eps");
    momentum = (float) o.number("momentum");
    nesterov = o.flag("nesterov");
    mask = TensorMask.excludingVectors(o.flag("exclude_vectors"));
  }

  /** The engine optimizer of a resolved lars component. */
  public static Optimizer create(Component o, Tracker lr) {
    return new TorchLars(o, lr);
  }

  /** The momentum buffer, none when μ = 0 (as the native state). */
  @Override
  protected int stateArrays() {
    return momentum != 0 ? 1 : 0;
  }

  @Override
  protected void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    NDArray t = scratch[0];
    float ratio = 1f;
    if (mask.covers(weight.getShape().dimension())) {
      addScaledWeight(grad, weight, weightDecay, t);
      ratio = trustRatio(weight, grad, scratch[1], trustCoefficient, eps);
    }
    grad.muli(stepScalar(0, lr * ratio));
    if (momentum == 0) {
      weight.subi(grad);
      return;
    }
    NDArray b = state[0];
    b.muli(scalar(momentum)).addi(grad);
    if (nesterov) {
      copy(t, b);
      weight.subi(grad.addi(t.muli(scalar(momentum))));
    } else {
      weight.subi(b);
    }
  }
}
