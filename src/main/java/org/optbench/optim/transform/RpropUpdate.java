package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;

/**
 * Rprop (Riedmiller &amp; Braun 1993; the iRprop⁻ variant of Igel &amp; Hüsken 2000) as
 * torch.optim.Rprop computes it: per coordinate, the step size grows by η₊ while the gradient
 * keeps its sign and shrinks by η₋ when it flips, within [step_size_min, step_size_max]; after a
 * flip the coordinate does not move and its gradient is forgotten:
 *
 * <pre>
 *   s = sign(g·g_prev) → η₊ if &gt; 0, η₋ if &lt; 0, 1 if 0
 *   Δ ← clamp(Δ·s, step_size_min, step_size_max)
 *   g ← 0 where s = η₋
 *   p ← p − sign(g)·Δ;  g_prev ← g
 * </pre>
 *
 * Only the first step reads lr (Δ starts at lr, as torch's state["step_size"]); schedules do not
 * change Rprop's steps after that.
 */
public final class RpropUpdate implements GradientTransform {

  private final float etaMinus;
  private final float etaPlus;
  private final float stepSizeMin;
  private final float stepSizeMax;

  private RpropUpdate(double etaMinus, double etaPlus, double stepSizeMin, double stepSizeMax) {
    this.etaMinus = (float) etaMinus;
    this.etaPlus = (float) etaPlus;
    this.stepSizeMin = (float) stepSizeMin;
    this.stepSizeMax = (float) stepSizeMax;
  }

  public static GradientTransform rprop(double etaMinus, double etaPlus, double stepSizeMin,
      double stepSizeMax) {
    return new RpropUpdate(etaMinus, etaPlus, stepSizeMin, stepSizeMax);
  }

  /** The previous (masked) gradient and the step size Δ, per tensor. */
  @Override
  public TransformState init(ParamTree params) {
    return new ArrayState(ArrayState.zeros(params, 2, 0f));
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    ArrayState s = (ArrayState) state;
    if (++s.count == 1) {
      float lr = (float) c.lr();
      for (float[] stepSize : s.buffers[1]) {
        java.util.Arrays.fill(stepSize, lr);
      }
    }
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      float[] prev = s.buffers[0][i];
      float[] stepSize = s.buffers[1][i];
      for (int j = 0; j < g.length; j++) {
        float product = g[j] * prev[j];
        float factor = product > 0 ? etaPlus : product < 0 ? etaMinus : 1f;
        // torch's clamp_(min, max) is min(max(x, min), max).
        float delta = Math.min(Math.max(stepSize[j] * factor, stepSizeMin), stepSizeMax);
        float gj = factor == etaMinus ? 0f : g[j];
        stepSize[j] = delta;
        prev[j] = gj;
        g[j] = -Math.signum(gj) * delta;
      }
    }
    return updates;
  }
}
