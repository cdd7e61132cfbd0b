package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.TreeMath;

/**
 * Lion's direction (Chen et al. 2023, Algorithm 2): {@code u = sign(β1·m + (1 − β1)·g)}, then
 * {@code m ← β2·m + (1 − β2)·g}. Every coordinate moves by exactly ±1 (0 where the interpolation
 * is 0), so Lion wants a 3–10× smaller lr than AdamW. One buffer: half of Adam's state.
 */
public final class ScaleByLion implements GradientTransform {

  private final float beta1;
  private final float beta2;

  private ScaleByLion(double beta1, double beta2) {
    this.beta1 = (float) beta1;
    this.beta2 = (float) beta2;
  }

  public static GradientTransform scaleByLion(double beta1, double beta2) {
    return new ScaleByLion(beta1, beta2);
  }

  @Override
  public TransformState init(ParamTree params) {
    return new ArrayState(ArrayState.zeros(params, 1, 0f));
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    ArrayState s = (ArrayState) state;
    s.count++;
    float c1 = 1 - beta1;
    float c2 = 1 - beta2;
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      float[] m = s.buffers[0][i];
      for (int j = 0; j < g.length; j++) {
        float gj = g[j];
        float direction = TreeMath.sign(beta1 * m[j] + c1 * gj);
        m[j] = beta2 * m[j] + c2 * gj;
        g[j] = direction;
      }
    }
    return updates;
  }
}
