package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.TreeMath;

/**
 * The whole NAdamW step of the AlgoPerf baseline (Dahl et al. 2023; the NAdam of Choi et al.
 * 2019, Table 1, with AdamW's decoupled decay), which differs from torch.optim.NAdam: no μₜ
 * schedule, Adam's bias corrections, and the Nesterov look-ahead m̄ = β1·m + (1 − β1)·g taken
 * once more from the updated m:
 *
 * <pre>
 *   p ← p·(1 − lr·λ)
 *   m ← lerp(m, g, 1 − β1);  v ← β2·v + (1 − β2)·g²
 *   m̄ = lerp(m, g, 1 − β1)
 *   p ← p − lr/(1 − β1ᵗ) · m̄ / (√v / √(1 − β2ᵗ) + ε)
 * </pre>
 *
 * AlgoPerf's PyTorch code forms m̄ in m's own storage and undoes it afterwards
 * ((m̄ − g)/β1); here m̄ is a separate value, so m is kept exactly rather than up to that round
 * trip's rounding.
 */
public final class NadamWUpdate implements GradientTransform {

  private final double beta1;
  private final double beta2;
  private final float eps;
  private final double weightDecay;

  private NadamWUpdate(double beta1, double beta2, double eps, double weightDecay) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = (float) eps;
    this.weightDecay = weightDecay;
  }

  /** @param weightDecay λ of the decoupled decay p ← p·(1 − lr·λ) */
  public static GradientTransform nadamW(double beta1, double beta2, double eps,
      double weightDecay) {
    return new NadamWUpdate(beta1, beta2, eps, weightDecay);
  }

  @Override
  public TransformState init(ParamTree params) {
    return new ArrayState(ArrayState.zeros(params, 2, 0f));
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    ArrayState s = (ArrayState) state;
    int t = ++s.count;
    double lr = c.lr();
    float stepSize = (float) (lr / (1 - Math.pow(beta1, t)));
    float bc2Sqrt = (float) Math.sqrt(1 - Math.pow(beta2, t));
    float keep = (float) (1 - lr * weightDecay);
    float w1 = (float) (1 - beta1);
    float b2 = (float) beta2;
    float c2 = (float) (1 - beta2);
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      float[] p = params.data(i);
      float[] m = s.buffers[0][i];
      float[] v = s.buffers[1][i];
      for (int j = 0; j < g.length; j++) {
        float gj = g[j];
        float mj = TreeMath.lerp(m[j], gj, w1);
        float vj = b2 * v[j] + c2 * (gj * gj);
        m[j] = mj;
        v[j] = vj;
        float lookAhead = TreeMath.lerp(mj, gj, w1);
        float d = (float) Math.sqrt(vj) / bc2Sqrt + eps;
        float next = keep * p[j] - stepSize * (lookAhead / d);
        g[j] = next - p[j];
      }
    }
    return updates;
  }
}
