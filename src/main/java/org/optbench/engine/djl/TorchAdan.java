package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.optim.transform.TensorMask;
import org.optbench.spec.Component;

/**
 * Adan (Xie et al. 2022) with the authors' weight β2 of the gradient difference, the native
 * {@code AdanUpdate}'s formula (which names where it departs from optax) on NDArrays: with
 * d = g − g_prev (0 at step 1),
 *
 * <pre>
 *   m = β1·m + (1 − β1)·g;  v = β2·v + (1 − β2)·d;  n = β3·n + (1 − β3)·(g + β2·d)²
 *   p = p − lr · ((m/(1 − β1ᵗ) + β2·v/(1 − β2ᵗ)) / (√(n/(1 − β3ᵗ) + ε_root) + ε) + λ·p)
 * </pre>
 */
public final class TorchAdan extends TorchOptimizer {

  private final double beta1;
  private final double beta2;
  private final double beta3;
  private final float eps;
  private final float epsRoot;
  private final float weightDecay;
  private final TensorMask decayMask;

  private TorchAdan(Component o, Tracker lr) {
    super(new LearningRateOnly(lr));
    beta1 = o.number("beta1");
    beta2 = o.number("beta2");
    beta3 = o.number("beta3");
    eps = (float) o.number("eps");
    epsRoot = (float) o.number("eps_root");
    weightDecay = (float) o.number("weight_decay");
    decayMask = TensorMask.excludingVectors(o.flag("exclude_vectors"));
  }

  /** The engine optimizer of a resolved adan component. */
  public static Optimizer create(Component o, Tracker lr) {
    return new TorchAdan(o, lr);
  }

  /** m, v, n and the previous gradient, in the native order. */
  @Override
  protected int stateArrays() {
    return 4;
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
    NDArray n = state[2];
    NDArray previous = state[3];
    NDArray d = scratch[0];
    NDArray u = scratch[1];
    if (step == 1) {
      copy(previous, grad);
    }
    copy(d, grad);
    d.subi(previous);
    copy(previous, grad);
    copy(u, grad);
    m.muli(scalar((float) beta1)).addi(u.muli(scalar((float) (1 - beta1))));
    copy(u, d);
    v.muli(scalar((float) beta2)).addi(u.muli(scalar((float) (1 - beta2))));
    d.muli(scalar((float) beta2)).addi(grad);
    n.muli(scalar((float) beta3)).addi(d.muli(d).muli(scalar((float) (1 - beta3))));
    copy(d, n);
    d.divi(stepScalar(0, (float) (1 - Math.pow(beta3, step)))).addi(scalar(epsRoot));
    try (NDArray denominator = d.sqrt()) {
      denominator.addi(scalar(eps));
      copy(u, m);
      copy(d, v);
      u.divi(stepScalar(1, (float) (1 - Math.pow(beta1, step))))
          .addi(d.divi(stepScalar(2, (float) (1 - Math.pow(beta2, step))))
              .muli(scalar((float) beta2)))
          .divi(denominator);
    }
    if (decayMask.covers(weight.getShape().dimension())) {
      addScaledWeight(u, weight, weightDecay, d);
    }
    weight.subi(u.muli(stepScalar(3, lr)));
  }
}
