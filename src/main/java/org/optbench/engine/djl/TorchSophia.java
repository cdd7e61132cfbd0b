package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.spec.Component;
import org.optbench.spec.CurvatureNeed;

/**
 * Sophia (Liu et al. 2023) as optax.contrib.sophia computes it, the native {@code SophiaUpdate}'s
 * formula on NDArrays, with ĥ the estimate given for this update ({@link #hessianDiagonal()}):
 *
 * <pre>
 *   m = β1·m + (1 − β1)·g;  u = clip((m / (1 − β1ᵗ)) / max(γ·h, ε), ±clip_threshold)
 *   p = p − lr·(u + λ·p)
 *   h = β2·h + (1 − β2)·ĥ   at steps 1, 1 + k, 1 + 2k, … (h of before the refresh divides u)
 * </pre>
 */
public final class TorchSophia extends TorchOptimizer {

  private final double beta1;
  private final double beta2;
  private final float eps;
  private final float gamma;
  private final Double clip;
  private final float weightDecay;
  private final int interval;

  private TorchSophia(Component o, Tracker lr) {
    super(new LearningRateOnly(lr));
    beta1 = o.number("beta1");
    beta2 = o.number("beta2");
    eps = (float) o.number("eps");
    gamma = (float) o.number("gamma");
    clip = o.optionalNumber("clip_threshold");
    weightDecay = (float) o.number("weight_decay");
    interval = o.integer("update_interval");
  }

  /** The engine optimizer of a resolved sophia component. */
  public static Optimizer create(Component o, Tracker lr) {
    return new TorchSophia(o, lr);
  }

  @Override
  protected int stateArrays() {
    return 2;
  }

  @Override
  protected int scratchArrays() {
    return 2;
  }

  /** The floor max(γ·h, ε) and the clip are allocating ops; the scratch manager frees them. */
  @Override
  protected boolean collectsTemporaries() {
    return true;
  }

  @Override
  protected void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    NDArray m = state[0];
    NDArray h = state[1];
    NDArray u = scratch[0];
    NDArray t = scratch[1];
    copy(t, grad);
    m.muli(scalar((float) beta1)).addi(t.muli(scalar((float) (1 - beta1))));
    copy(t, h);
    NDArray floor = t.muli(scalar(gamma)).maximum(eps);
    copy(u, m);
    u.divi(stepScalar(0, (float) (1 - Math.pow(beta1, step)))).divi(floor);
    if (clip != null) {
      u.intern(u.clip(-clip.floatValue(), clip.floatValue()));
    }
    addScaledWeight(u, weight, weightDecay, t);
    weight.subi(u.muli(stepScalar(1, lr)));
    NDArray estimate = hessianDiagonal();
    if (estimate != null && CurvatureNeed.due(interval, step)) {
      copy(t, estimate);
      h.muli(scalar((float) beta2)).addi(t.muli(scalar((float) (1 - beta2))));
    }
  }
}
