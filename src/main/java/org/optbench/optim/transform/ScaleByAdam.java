package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;

/**
 * Adam's direction as torch.optim.Adam computes it (Kingma &amp; Ba 2015, Algorithm 1):
 * {@code m ← β1·m + (1 − β1)·g}, {@code v ← β2·v + (1 − β2)·g²},
 * {@code u = m / (1 − β1ᵗ) / (√v / √(1 − β2ᵗ) + ε)}. With amsgrad the denominator uses
 * {@code v_max ← max(v_max, v)} (Reddi et al. 2018) — the maximum of the raw v, bias corrected
 * afterwards, which is torch's order. Multiply by {@code −lr} afterwards.
 */
public final class ScaleByAdam implements GradientTransform {

  private final double beta1;
  private final double beta2;
  private final float eps;
  private final boolean amsgrad;

  private ScaleByAdam(double beta1, double beta2, double eps, boolean amsgrad) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = (float) eps;
    this.amsgrad = amsgrad;
  }

  public static GradientTransform scaleByAdam(
      double beta1, double beta2, double eps, boolean amsgrad) {
    return new ScaleByAdam(beta1, beta2, eps, amsgrad);
  }

  @Override
  public TransformState init(ParamTree params) {
    return new ArrayState(ArrayState.zeros(params, amsgrad ? 3 : 2, 0f));
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    ArrayState s = (ArrayState) state;
    s.count++;
    float b1 = (float) beta1;
    float b2 = (float) beta2;
    float oneMinusB1 = (float) (1 - beta1);
    float oneMinusB2 = (float) (1 - beta2);
    float invBc1 = (float) (1 / (1 - Math.pow(beta1, s.count)));
    float sqrtBc2 = (float) Math.sqrt(1 - Math.pow(beta2, s.count));
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      float[] m = s.buffers[0][i];
      float[] v = s.buffers[1][i];
      float[] vmax = amsgrad ? s.buffers[2][i] : null;
      for (int j = 0; j < g.length; j++) {
        float mj = b1 * m[j] + oneMinusB1 * g[j];
        float vj = b2 * v[j] + oneMinusB2 * g[j] * g[j];
        m[j] = mj;
        v[j] = vj;
        if (vmax != null) {
          vj = Math.max(vmax[j], vj);
          vmax[j] = vj;
        }
        g[j] = invBc1 * (mj / ((float) Math.sqrt(vj) / sqrtBc2 + eps));
      }
    }
    return updates;
  }
}
