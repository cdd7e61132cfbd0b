package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.TreeMath;

/**
 * The whole NAdam step (Dozat 2016, with the momentum schedule μₜ = β1·(1 − ½·0.96^(t·ψ)) of
 * torch.optim.NAdam), as torch's single-tensor path computes it:
 *
 * <pre>
 *   g ← g + λ·p                      (L2; or p ← p·(1 − lr·λ) when decoupled, torch 2.x)
 *   Πₜ = Πₜ₋₁·μₜ                      (kept in float32, as torch keeps mu_product)
 *   m ← lerp(m, g, 1 − β1);  v ← β2·v + (1 − β2)·g²
 *   d = √(v / (1 − β2ᵗ)) + ε
 *   p ← p − lr·(1 − μₜ)/(1 − Πₜ)·g/d − lr·μₜ₊₁/(1 − Πₜ·μₜ₊₁)·m/d
 * </pre>
 *
 * Writes Δp (learning rate included), since lr enters the decay and both coefficients.
 */
public final class NadamUpdate implements GradientTransform {

  private final double beta1;
  private final double beta2;
  private final float eps;
  private final float weightDecay;
  private final double momentumDecay;
  private final boolean decoupled;

  private NadamUpdate(double beta1, double beta2, double eps, double weightDecay,
      double momentumDecay, boolean decoupled) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = (float) eps;
    this.weightDecay = (float) weightDecay;
    this.momentumDecay = momentumDecay;
    this.decoupled = decoupled;
  }

  /**
   * @param momentumDecay ψ of μₜ (torch's momentum_decay, 4e-3 by default)
   * @param decoupled torch 2.x's decoupled_weight_decay: p ← p·(1 − lr·λ) instead of g ← g + λ·p
   */
  public static GradientTransform nadam(double beta1, double beta2, double eps,
      double weightDecay, double momentumDecay, boolean decoupled) {
    return new NadamUpdate(beta1, beta2, eps, weightDecay, momentumDecay, decoupled);
  }

  /** m and v per tensor, and the product of the μ's so far. */
  static final class State extends ArrayState {
    float muProduct = 1f;

    State(float[][][] buffers) {
      super(buffers);
    }
  }

  @Override
  public TransformState init(ParamTree params) {
    return new State(ArrayState.zeros(params, 2, 0f));
  }

  /** μₜ of torch.optim.NAdam. */
  static double mu(double beta1, double momentumDecay, int t) {
    return beta1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay));
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    State s = (State) state;
    int t = ++s.count;
    double lr = c.lr();
    double mu = mu(beta1, momentumDecay, t);
    double muNext = mu(beta1, momentumDecay, t + 1);
    s.muProduct = (float) (s.muProduct * mu);
    double muProductNext = s.muProduct * muNext;
    float gradCoefficient = (float) (-lr * (1 - mu) / (1 - s.muProduct));
    float momentCoefficient = (float) (-lr * muNext / (1 - muProductNext));
    float bc2 = (float) (1 - Math.pow(beta2, t));
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
        float d = (float) Math.sqrt(vj / bc2) + eps;
        float decayed = keep * p[j];
        float next = decayed + gradCoefficient * (gj / d) + momentCoefficient * (mj / d);
        g[j] = next - p[j];
      }
    }
    return updates;
  }
}
