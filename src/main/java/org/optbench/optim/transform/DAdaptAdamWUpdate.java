package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;

/**
 * D-Adaptation's Adam (Defazio &amp; Mishchenko 2023) with decoupled weight decay, as
 * optax.contrib.dadapt_adamw (0.2.8) computes it: Adam whose step size d·lr is learnt, d
 * estimating the distance to a solution in the ∞-norm from a weighted sum s of past steps. It
 * only grows. With d the estimate the step starts from, dlr = d·lr·√(1 − β2ᵗ)/(1 − β1ᵗ) and
 * β = √β2:
 *
 * <pre>
 *   r ← β·r + (1 − β)·dlr·Σ⟨g, s/(√v + ε)⟩      last step's s and v; sums over every tensor
 *   m ← β1·m + (1 − β1)·dlr·g                   (m carries the step size)
 *   v ← β2·v + (1 − β2)·g²
 *   s ← β·s + (1 − β)·dlr·g
 *   x ← x − λ·dlr·x − m/(√v + ε)
 *   d ← max(d, r/((1 − β)·‖s‖₁))                for the next step
 * </pre>
 *
 * optax reads its lr schedule at the step count before the step; here lr is the step's own
 * scheduled lr, as for every optimizer of the catalogue. When ‖s‖₁ is 0 (every gradient so far
 * was 0) d stays, where optax would divide 0 by 0. The step size reported is d·lr (Adam's
 * convention: the bias correction apart).
 */
public final class DAdaptAdamWUpdate implements GradientTransform {

  private final double beta1;
  private final double beta2;
  private final float eps;
  private final double estimLr0;
  private final double weightDecay;

  private DAdaptAdamWUpdate(double beta1, double beta2, double eps, double estimLr0,
      double weightDecay) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = (float) eps;
    this.estimLr0 = estimLr0;
    this.weightDecay = weightDecay;
  }

  /**
   * @param estimLr0 d₀, the initial (under-)estimate of d (optax's estim_lr0)
   * @param weightDecay λ, decoupled and scaled by dlr (AdamW's)
   */
  public static GradientTransform dadaptAdamW(double beta1, double beta2, double eps,
      double estimLr0, double weightDecay) {
    return new DAdaptAdamWUpdate(beta1, beta2, eps, estimLr0, weightDecay);
  }

  /** m, v and s per tensor; d = d₀. */
  @Override
  public TransformState init(ParamTree params) {
    return DistanceEstimate.zeros(params, 3, estimLr0);
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    DistanceEstimate s = (DistanceEstimate) state;
    int t = ++s.count;
    float lr = (float) c.lr();
    double d = s.d;
    double dlr = d * lr * DistanceEstimate.biasCorrection(beta1, beta2, t);
    double beta = Math.sqrt(beta2);
    float b1 = (float) beta1;
    float mScale = (float) ((1 - beta1) * dlr);
    float b2 = (float) beta2;
    float c2 = (float) (1 - beta2);
    float b = (float) beta;
    float sScale = (float) ((1 - beta) * dlr);
    float decay = (float) (weightDecay * dlr);
    double inner = 0;
    double sNorm = 0;
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      float[] x = params.data(i);
      float[] m = s.buffers[0][i];
      float[] v = s.buffers[1][i];
      float[] sum = s.buffers[2][i];
      for (int j = 0; j < g.length; j++) {
        float gj = g[j];
        inner += (double) gj * (sum[j] / ((float) Math.sqrt(v[j]) + eps));
        m[j] = b1 * m[j] + mScale * gj;
        v[j] = b2 * v[j] + c2 * (gj * gj);
        sum[j] = b * sum[j] + sScale * gj;
        sNorm += Math.abs(sum[j]);
        float step = m[j] / ((float) Math.sqrt(v[j]) + eps);
        if (weightDecay != 0) {
          step += x[j] * decay;
        }
        g[j] = -step;
      }
      c.recordStepSize(d * lr, g.length);
    }
    s.numerator = beta * s.numerator + (1 - beta) * dlr * inner;
    if (sNorm > 0) {
      s.d = Math.max(d, s.numerator / ((1 - beta) * sNorm));
    }
    return updates;
  }
}
