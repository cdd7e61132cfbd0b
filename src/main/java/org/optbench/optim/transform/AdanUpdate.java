package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;

/**
 * Adan (Xie et al. 2022, Algorithm 1) in the parameterisation of the authors' code and optax,
 * where β is the weight of the old average (the paper's 1 − β): with d = g − g_prev (0 at the
 * first step),
 *
 * <pre>
 *   m ← β1·m + (1 − β1)·g
 *   v ← β2·v + (1 − β2)·d
 *   n ← β3·n + (1 − β3)·(g + β2·d)²
 *   u = (m/(1 − β1ᵗ) + β2·v/(1 − β2ᵗ)) / (√(n/(1 − β3ᵗ) + ε_root) + ε)
 *   p ← p − lr·(u + λ·p)
 * </pre>
 *
 * Where the references differ:
 *
 * <ul>
 *   <li>The weight of d in n and u is β2 (the paper's 1 − β2, and the authors' sail-sg/Adan
 *       {@code adan.py}); optax 0.2.8's {@code scale_by_adan} uses 1 − β2 there (0.08 instead of
 *       0.92 at the defaults), which matches neither and is the subject of an open optax fix. The
 *       two agree at β2 = ½, where the golden vectors check this class against optax itself.
 *   <li>Bias corrections of all three averages and d = 0 at the first step: the authors' code
 *       and optax (the paper's Algorithm 1 starts from m₀ = g₀, n₀ = g₀², v₁ = g₁ − g₀ instead).
 *   <li>Weight decay: optax's λ·p added to the direction, i.e. p·(1 − lr·λ), which is the
 *       authors' {@code no_prox=True}; the paper's proximal step (p − lr·u)/(1 + lr·λ) is their
 *       default and is not offered.
 *   <li>ε_root inside the root is optax's (the authors' code has none).
 * </ul>
 *
 * With {@link TensorMask#MATRICES}, vectors get no weight decay (optax's {@code mask}).
 */
public final class AdanUpdate implements GradientTransform {

  /**
   * Adan's hyperparameters, named as the spec names them.
   *
   * @param beta1 decay of m (optax b1)
   * @param beta2 decay of v, and the weight of d in n and u (optax b2)
   * @param beta3 decay of n (optax b3)
   * @param decayMask the tensors the weight decay applies to
   */
  public record Settings(double beta1, double beta2, double beta3, double eps, double epsRoot,
      double weightDecay, TensorMask decayMask) {}

  private final Settings s;

  private AdanUpdate(Settings settings) {
    this.s = settings;
  }

  public static GradientTransform adan(Settings settings) {
    return new AdanUpdate(settings);
  }

  /** m, v, n and the previous gradient, per tensor. */
  @Override
  public TransformState init(ParamTree params) {
    return new ArrayState(ArrayState.zeros(params, 4, 0f));
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    ArrayState st = (ArrayState) state;
    int t = ++st.count;
    boolean first = t == 1;
    float b1 = (float) s.beta1();
    float c1 = (float) (1 - s.beta1());
    float b2 = (float) s.beta2();
    float c2 = (float) (1 - s.beta2());
    float b3 = (float) s.beta3();
    float c3 = (float) (1 - s.beta3());
    float bc1 = (float) (1 - Math.pow(s.beta1(), t));
    float bc2 = (float) (1 - Math.pow(s.beta2(), t));
    float bc3 = (float) (1 - Math.pow(s.beta3(), t));
    float eps = (float) s.eps();
    float epsRoot = (float) s.epsRoot();
    float lr = (float) c.lr();
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      float[] p = params.data(i);
      float[] m = st.buffers[0][i];
      float[] v = st.buffers[1][i];
      float[] n = st.buffers[2][i];
      float[] prev = st.buffers[3][i];
      float decay = s.decayMask().covers(params.get(i)) ? (float) s.weightDecay() : 0f;
      for (int j = 0; j < g.length; j++) {
        float gj = g[j];
        float d = first ? 0f : gj - prev[j];
        prev[j] = gj;
        float mj = b1 * m[j] + c1 * gj;
        float vj = b2 * v[j] + c2 * d;
        float look = b2 * d + gj;
        float nj = b3 * n[j] + c3 * (look * look);
        m[j] = mj;
        v[j] = vj;
        n[j] = nj;
        float u = (mj / bc1 + b2 * (vj / bc2)) / ((float) Math.sqrt(nj / bc3 + epsRoot) + eps);
        g[j] = -lr * (u + decay * p[j]);
      }
    }
    return updates;
  }
}
