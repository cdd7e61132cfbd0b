package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;

/**
 * AdEMAMix (Pagliardini et al. 2024, Algorithm 1, constant α and β3) as optax.contrib.ademamix
 * computes it: Adam's fast first moment plus α times a slow one, which is not bias-corrected so
 * that it fills slowly:
 *
 * <pre>
 *   m1 ← β1·m1 + (1 − β1)·g;  m2 ← β3·m2 + (1 − β3)·g;  v ← β2·v + (1 − β2)·g²
 *   p ← p − lr · ((m1/(1 − β1ᵗ) + α·m2) / (√(v/(1 − β2ᵗ)) + ε) + λ·p)
 * </pre>
 *
 * The weight decay is optax's: λ·p added to the direction, then scaled by lr. The paper's
 * warm-up schedulers for α and β3 are not offered (optax takes them as callables).
 */
public final class AdEMAMixUpdate implements GradientTransform {

  private final double beta1;
  private final double beta2;
  private final double beta3;
  private final float alpha;
  private final float eps;
  private final float weightDecay;

  private AdEMAMixUpdate(double beta1, double beta2, double beta3, double alpha, double eps,
      double weightDecay) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.beta3 = beta3;
    this.alpha = (float) alpha;
    this.eps = (float) eps;
    this.weightDecay = (float) weightDecay;
  }

  public static GradientTransform ademamix(double beta1, double beta2, double beta3, double alpha,
      double eps, double weightDecay) {
    return new AdEMAMixUpdate(beta1, beta2, beta3, alpha, eps, weightDecay);
  }

  /** The fast and slow first moments and v, per tensor. */
  @Override
  public TransformState init(ParamTree params) {
    return new ArrayState(ArrayState.zeros(params, 3, 0f));
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    ArrayState s = (ArrayState) state;
    int t = ++s.count;
    float b1 = (float) beta1;
    float c1 = (float) (1 - beta1);
    float b2 = (float) beta2;
    float c2 = (float) (1 - beta2);
    float b3 = (float) beta3;
    float c3 = (float) (1 - beta3);
    float bc1 = (float) (1 - Math.pow(beta1, t));
    float bc2 = (float) (1 - Math.pow(beta2, t));
    float lr = (float) c.lr();
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      float[] p = params.data(i);
      float[] fast = s.buffers[0][i];
      float[] slow = s.buffers[1][i];
      float[] v = s.buffers[2][i];
      for (int j = 0; j < g.length; j++) {
        float gj = g[j];
        float f = c1 * gj + b1 * fast[j];
        float sl = c3 * gj + b3 * slow[j];
        float vj = c2 * (gj * gj) + b2 * v[j];
        fast[j] = f;
        slow[j] = sl;
        v[j] = vj;
        float u = (f / bc1 + alpha * sl) / ((float) Math.sqrt(vj / bc2) + eps);
        g[j] = -lr * (u + weightDecay * p[j]);
      }
    }
    return updates;
  }
}
