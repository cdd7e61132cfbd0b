package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;

/**
 * Adadelta (Zeiler 2012, Algorithm 1) as torch.optim.Adadelta computes it, with torch's lr
 * multiplying the unit-corrected step (1.0 by default, the paper's rule):
 *
 * <pre>
 *   g ← g + λ·p
 *   s ← ρ·s + (1 − ρ)·g²
 *   Δ = √(a + ε) / √(s + ε) · g
 *   a ← ρ·a + (1 − ρ)·Δ²
 *   p ← p − lr·Δ
 * </pre>
 */
public final class AdadeltaUpdate implements GradientTransform {

  private final float rho;
  private final float oneMinusRho;
  private final float eps;
  private final float weightDecay;

  private AdadeltaUpdate(double rho, double eps, double weightDecay) {
    this.rho = (float) rho;
    this.oneMinusRho = (float) (1 - rho);
    this.eps = (float) eps;
    this.weightDecay = (float) weightDecay;
  }

  public static GradientTransform adadelta(double rho, double eps, double weightDecay) {
    return new AdadeltaUpdate(rho, eps, weightDecay);
  }

  /** The squared-gradient average s and the squared-update average a, per tensor. */
  @Override
  public TransformState init(ParamTree params) {
    return new ArrayState(ArrayState.zeros(params, 2, 0f));
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    ArrayState s = (ArrayState) state;
    s.count++;
    float lr = (float) c.lr();
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      float[] p = params.data(i);
      float[] squareAvg = s.buffers[0][i];
      float[] deltaAvg = s.buffers[1][i];
      for (int j = 0; j < g.length; j++) {
        float gj = g[j] + weightDecay * p[j];
        float sj = rho * squareAvg[j] + oneMinusRho * (gj * gj);
        float std = (float) Math.sqrt(sj + eps);
        float delta = (float) Math.sqrt(deltaAvg[j] + eps) / std * gj;
        squareAvg[j] = sj;
        deltaAvg[j] = rho * deltaAvg[j] + oneMinusRho * (delta * delta);
        g[j] = (p[j] - lr * delta) - p[j];
      }
    }
    return updates;
  }
}
