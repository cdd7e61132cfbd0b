package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.TreeMath;

/**
 * Yogi's direction (Zaheer et al. 2018, Algorithm 2, with Adam's bias corrections as in d2l.ai
 * §12.10.3): {@code m ← β1·m + (1 − β1)·g}, {@code v ← v + (1 − β2)·sign(g² − v)·g²} from
 * {@code v₀ = 0}, {@code u = m̂ / (√v̂ + ε)}. Unlike Adam, v moves by at most (1 − β2)·g² per step
 * whatever its distance from g², so a sudden small gradient does not collapse the denominator.
 */
public final class ScaleByYogi implements GradientTransform {

  private final double beta1;
  private final double beta2;
  private final float eps;

  private ScaleByYogi(double beta1, double beta2, double eps) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = (float) eps;
  }

  public static GradientTransform scaleByYogi(double beta1, double beta2, double eps) {
    return new ScaleByYogi(beta1, beta2, eps);
  }

  @Override
  public TransformState init(ParamTree params) {
    return new ArrayState(ArrayState.zeros(params, 2, 0f));
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    ArrayState s = (ArrayState) state;
    s.count++;
    float b1 = (float) beta1;
    float c1 = (float) (1 - beta1);
    float c2 = (float) (1 - beta2);
    float invBc1 = (float) (1 / (1 - Math.pow(beta1, s.count)));
    float invBc2 = (float) (1 / (1 - Math.pow(beta2, s.count)));
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      float[] m = s.buffers[0][i];
      float[] v = s.buffers[1][i];
      for (int j = 0; j < g.length; j++) {
        float g2 = g[j] * g[j];
        float mj = b1 * m[j] + c1 * g[j];
        float vj = v[j] + c2 * TreeMath.sign(g2 - v[j]) * g2;
        m[j] = mj;
        v[j] = vj;
        g[j] = (mj * invBc1) / ((float) Math.sqrt(vj * invBc2) + eps);
      }
    }
    return updates;
  }
}
