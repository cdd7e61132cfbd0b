package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;

/**
 * ADOPT (Taniguchi et al. 2024, Algorithm 2, with the clipped variant of §4) as
 * optax.contrib.adopt computes it: the gradient is normalised by the second moment of the
 * previous step, before it enters the momentum, so that v and the current g are independent.
 * With k = t − 1 the number of earlier steps:
 *
 * <pre>
 *   k = 0:  v ← g²;  no move (m stays 0)
 *   k ≥ 1:  u = g / max(√v, ε), clipped to ±k^¼ when clipping is on
 *           v ← β2·v + (1 − β2)·g²
 *           m ← β1·m + (1 − β1)·u          (nesterov: the step uses β1·m + (1 − β1)·u)
 *           p ← p − lr·m
 * </pre>
 *
 * No bias correction (the paper's). optax's clip function k^¼ is the one followed.
 */
public final class AdoptUpdate implements GradientTransform {

  private final double beta1;
  private final double beta2;
  private final float eps;
  private final boolean nesterov;
  private final boolean clipping;

  private AdoptUpdate(double beta1, double beta2, double eps, boolean nesterov,
      boolean clipping) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = (float) eps;
    this.nesterov = nesterov;
    this.clipping = clipping;
  }

  /**
   * @param nesterov the step uses β1·m + (1 − β1)·u (optax's nesterov)
   * @param clipping clip the normalised gradient to ±k^¼ (optax's use_clipping)
   */
  public static GradientTransform adopt(double beta1, double beta2, double eps, boolean nesterov,
      boolean clipping) {
    return new AdoptUpdate(beta1, beta2, eps, nesterov, clipping);
  }

  @Override
  public TransformState init(ParamTree params) {
    return new ArrayState(ArrayState.zeros(params, 2, 0f));
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    ArrayState s = (ArrayState) state;
    int k = s.count++;
    float b1 = k > 0 ? (float) beta1 : 1f;
    float c1 = k > 0 ? (float) (1 - beta1) : 0f;
    float b2 = k > 0 ? (float) beta2 : 0f;
    float c2 = k > 0 ? (float) (1 - beta2) : 1f;
    float bound = clipping ? (float) Math.pow(k, 0.25) : Float.POSITIVE_INFINITY;
    float lr = (float) c.lr();
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      float[] m = s.buffers[0][i];
      float[] v = s.buffers[1][i];
      for (int j = 0; j < g.length; j++) {
        float gj = g[j];
        float u = gj / Math.max((float) Math.sqrt(v[j]), eps);
        u = Math.max(-bound, Math.min(bound, u));
        v[j] = c2 * (gj * gj) + b2 * v[j];
        float mj = c1 * u + b1 * m[j];
        m[j] = mj;
        float direction = nesterov ? c1 * u + b1 * mj : mj;
        g[j] = -lr * direction;
      }
    }
    return updates;
  }
}
