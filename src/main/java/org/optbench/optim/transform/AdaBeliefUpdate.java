package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;

/**
 * AdaBelief (Zhuang et al. 2020, Algorithm 2) as optax.adabelief computes it: Adam with the
 * second moment of the prediction error g − m instead of g:
 *
 * <pre>
 *   m ← β1·m + (1 − β1)·g
 *   s ← β2·s + (1 − β2)·(g − m)² + ε_root
 *   p ← p − lr · (m/(1 − β1ᵗ)) / (√(s/(1 − β2ᵗ)) + ε)
 * </pre>
 *
 * ε_root is added to the stored s every step (optax; the paper adds ε there too).
 */
public final class AdaBeliefUpdate implements GradientTransform {

  private final double beta1;
  private final double beta2;
  private final float eps;
  private final float epsRoot;

  private AdaBeliefUpdate(double beta1, double beta2, double eps, double epsRoot) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = (float) eps;
    this.epsRoot = (float) epsRoot;
  }

  public static GradientTransform adaBelief(double beta1, double beta2, double eps,
      double epsRoot) {
    return new AdaBeliefUpdate(beta1, beta2, eps, epsRoot);
  }

  @Override
  public TransformState init(ParamTree params) {
    return new ArrayState(ArrayState.zeros(params, 2, 0f));
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    ArrayState s = (ArrayState) state;
    int t = ++s.count;
    float b1 = (float) beta1;
    float c1 = (float) (1 - beta1);
    float b2 = (float) beta2;
    float c2 = (float) (1 - beta2);
    float bc1 = (float) (1 - Math.pow(beta1, t));
    float bc2 = (float) (1 - Math.pow(beta2, t));
    float lr = (float) c.lr();
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      float[] m = s.buffers[0][i];
      float[] v = s.buffers[1][i];
      for (int j = 0; j < g.length; j++) {
        float mj = c1 * g[j] + b1 * m[j];
        float e = g[j] - mj;
        float vj = c2 * (e * e) + b2 * v[j] + epsRoot;
        m[j] = mj;
        v[j] = vj;
        g[j] = -lr * ((mj / bc1) / ((float) Math.sqrt(vj / bc2) + eps));
      }
    }
    return updates;
  }
}
