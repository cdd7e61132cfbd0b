package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.TreeMath;

/**
 * Adamax (Kingma &amp; Ba 2015, Algorithm 2: Adam under the infinity norm) as
 * torch.optim.Adamax computes it:
 *
 * <pre>
 *   g ← g + λ·p
 *   m ← lerp(m, g, 1 − β1)
 *   u ← max(β2·u, |g| + ε)
 *   p ← p − lr/(1 − β1ᵗ) · m/u
 * </pre>
 *
 * ε inside the maximum (torch's placement) keeps u &gt; 0 where the gradient has always been 0.
 */
public final class AdamaxUpdate implements GradientTransform {

  private final double beta1;
  private final float beta2;
  private final float eps;
  private final float weightDecay;

  private AdamaxUpdate(double beta1, double beta2, double eps, double weightDecay) {
    this.beta1 = beta1;
    this.beta2 = (float) beta2;
    this.eps = (float) eps;
    this.weightDecay = (float) weightDecay;
  }

  public static GradientTransform adamax(double beta1, double beta2, double eps,
      double weightDecay) {
    return new AdamaxUpdate(beta1, beta2, eps, weightDecay);
  }

  @Override
  public TransformState init(ParamTree params) {
    return new ArrayState(ArrayState.zeros(params, 2, 0f));
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    ArrayState s = (ArrayState) state;
    int t = ++s.count;
    float stepSize = (float) (c.lr() / (1 - Math.pow(beta1, t)));
    float w1 = (float) (1 - beta1);
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      float[] p = params.data(i);
      float[] m = s.buffers[0][i];
      float[] u = s.buffers[1][i];
      for (int j = 0; j < g.length; j++) {
        float gj = g[j] + weightDecay * p[j];
        float mj = TreeMath.lerp(m[j], gj, w1);
        float uj = Math.max(beta2 * u[j], Math.abs(gj) + eps);
        m[j] = mj;
        u[j] = uj;
        g[j] = (p[j] - stepSize * (mj / uj)) - p[j];
      }
    }
    return updates;
  }
}
