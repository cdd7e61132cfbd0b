package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.TreeMath;

/**
 * The whole RAdam step (Liu et al. 2020, Algorithm 2) as torch.optim.RAdam computes it:
 *
 * <pre>
 *   g ← g + λ·p                      (L2; or p ← p·(1 − lr·λ) when decoupled, torch 2.x)
 *   m ← lerp(m, g, 1 − β1);  v ← β2·v + (1 − β2)·g²
 *   ρ∞ = 2/(1 − β2) − 1;  ρₜ = ρ∞ − 2t·β2ᵗ/(1 − β2ᵗ)
 *   ρₜ &gt; 5:  p ← p − lr · m/(1 − β1ᵗ) · rₜ · √(1 − β2ᵗ)/(√v + ε),
 *            rₜ = √((ρₜ − 4)(ρₜ − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρₜ))
 *   else:    p ← p − lr · m/(1 − β1ᵗ)      (un-adapted momentum SGD while v's variance is untractable)
 * </pre>
 *
 * Writes Δp (learning rate included).
 */
public final class RadamUpdate implements GradientTransform {

  /** torch.optim.RAdam's threshold on ρₜ (the paper's 4, with a margin). */
  static final double RHO_THRESHOLD = 5.0;

  private final double beta1;
  private final double beta2;
  private final float eps;
  private final float weightDecay;
  private final boolean decoupled;

  private RadamUpdate(double beta1, double beta2, double eps, double weightDecay,
      boolean decoupled) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = (float) eps;
    this.weightDecay = (float) weightDecay;
    this.decoupled = decoupled;
  }

  /** @param decoupled torch 2.x's decoupled_weight_decay */
  public static GradientTransform radam(double beta1, double beta2, double eps,
      double weightDecay, boolean decoupled) {
    return new RadamUpdate(beta1, beta2, eps, weightDecay, decoupled);
  }

  @Override
  public TransformState init(ParamTree params) {
    return new ArrayState(ArrayState.zeros(params, 2, 0f));
  }

  /** ρₜ, the length of the approximated simple moving average at step t. */
  static double rho(double beta2, int t) {
    double rhoInf = 2 / (1 - beta2) - 1;
    return rhoInf - 2 * t * Math.pow(beta2, t) / (1 - Math.pow(beta2, t));
  }

  /** The variance rectification rₜ, for ρₜ &gt; 5. */
  static double rectification(double beta2, int t) {
    double rhoInf = 2 / (1 - beta2) - 1;
    double rhoT = rho(beta2, t);
    return Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    ArrayState s = (ArrayState) state;
    int t = ++s.count;
    double lr = c.lr();
    float bc1 = (float) (1 - Math.pow(beta1, t));
    double bc2 = 1 - Math.pow(beta2, t);
    boolean adaptive = rho(beta2, t) > RHO_THRESHOLD;
    float rect = adaptive ? (float) rectification(beta2, t) : 1f;
    float bc2Sqrt = (float) Math.sqrt(bc2);
    float lrF = (float) lr;
    float w1 = (float) (1 - beta1);
    float b2 = (float) beta2;
    float c2 = (float) (1 - beta2);
    float l2 = decoupled ? 0f : weightDecay;
    float keep = decoupled ? (float) (1 - lr * weightDecay) : 1f;
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      float[] p = params.data(i);
      float[] m = s.buffers[0][i];
      float[] v = s.buffers[1][i];
      for (int j = 0; j < g.length; j++) {
        float gj = g[j] + l2 * p[j];
        float mj = TreeMath.lerp(m[j], gj, w1);
        float vj = b2 * v[j] + c2 * (gj * gj);
        m[j] = mj;
        v[j] = vj;
        float step = (mj / bc1) * lrF;
        if (adaptive) {
          step = step * (bc2Sqrt / ((float) Math.sqrt(vj) + eps)) * rect;
        }
        g[j] = keep * p[j] - step - p[j];
      }
    }
    return updates;
  }
}
