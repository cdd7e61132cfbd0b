package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.spec.Component;

/**
 * Averaged SGD with torch.optim.ASGD's semantics (Polyak &amp; Juditsky 1992; Bottou 2012's step
 * size), the native {@code AsgdUpdate}'s formula on NDArrays:
 *
 * <pre>
 *   g = g + λ_wd·p;  p = p·(1 − λ·ηₜ) − ηₜ·g;  ax = ax + μₜ·(p − ax)   (ax = p while μₜ = 1)
 *   ηₜ₊₁ = lrₜ / (1 + λ·lrₜ·t)^α;  μₜ₊₁ = 1 / max(1, t − t0);  η₁ = lr₁, μ₁ = 1
 * </pre>
 *
 * η and μ are float32, as torch's state tensors.
 */
public final class TorchAsgd extends TorchOptimizer {

  private final double lambd;
  private final double alpha;
  private final double t0;
  private final float weightDecay;

  private TorchAsgd(Component o, Tracker lr) {
    super(new LearningRateOnly(lr));
    lambd = o.number("lambd");
    alpha = o.number("alpha");
    t0 = o.number("t0");
    weightDecay = (float) o.number("weight_decay");
  }

  /** The engine optimizer of a resolved asgd component. */
  public static Optimizer create(Component o, Tracker lr) {
    return new TorchAsgd(o, lr);
  }

  @Override
  protected int stateArrays() {
    return 1;
  }

  @Override
  protected int scratchArrays() {
    return 1;
  }

  /** ηₜ: the first step's lr, then the decayed step size computed at the end of step t − 1. */
  private float eta(int step, float lr) {
    if (step == 1) {
      return lr;
    }
    double previousLr = learningRate(step - 1);
    return (float) (previousLr / Math.pow(1 + lambd * previousLr * (step - 1), alpha));
  }

  @Override
  protected void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    NDArray ax = state[0];
    NDArray t = scratch[0];
    addScaledWeight(grad, weight, weightDecay, t);
    double eta = eta(step, lr);
    weight.muli(stepScalar(0, (float) (1 - lambd * eta)));
    weight.subi(grad.muli(stepScalar(1, (float) eta)));
    float mu = step == 1 ? 1f : (float) (1 / Math.max(1, step - 1 - t0));
    if (mu != 1f) {
      copy(t, weight);
      ax.addi(t.subi(ax).muli(stepScalar(2, mu)));
    } else {
      copy(ax, weight);
    }
  }
}
