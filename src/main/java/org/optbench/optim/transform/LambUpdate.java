package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.Tensor;
import org.optbench.optim.TransformState;
import org.optbench.optim.TreeMath;

/**
 * LAMB (You et al. 2019, Algorithm 2) as optax.lamb computes it: Adam's bias-corrected direction
 * plus decoupled weight decay, rescaled per tensor by the trust ratio ‖p‖/‖u‖ ({@link
 * TrustRatio}, with φ the identity as in optax and the paper's experiments):
 *
 * <pre>
 *   m ← β1·m + (1 − β1)·g;  v ← β2·v + (1 − β2)·g²
 *   u = (m/(1 − β1ᵗ)) / (√(v/(1 − β2ᵗ) + ε_root) + ε) + λ·p
 *   p ← p − lr·r·u,   r = ‖p‖/‖u‖ (1 when either is 0)
 * </pre>
 *
 * With {@link TensorMask#MATRICES}, vectors get neither the weight decay (optax.lamb's
 * {@code mask}) nor the trust ratio (r = 1): optax.lamb masks only the decay; the mask here also
 * covers the ratio, as TensorFlow's LAMB does by default ({@code exclude_from_layer_adaptation}
 * falls back to {@code exclude_from_weight_decay}, LayerNorm and biases in the BERT recipes).
 */
public final class LambUpdate implements GradientTransform {

  /**
   * LAMB's hyperparameters, named as the spec names them.
   *
   * @param mask the tensors that get the weight decay and the trust ratio
   */
  public record Settings(double beta1, double beta2, double eps, double epsRoot,
      double weightDecay, TensorMask mask) {}

  private final Settings s;

  private LambUpdate(Settings settings) {
    this.s = settings;
  }

  public static GradientTransform lamb(Settings settings) {
    return new LambUpdate(settings);
  }

  /** m and v, per tensor. */
  @Override
  public TransformState init(ParamTree params) {
    return new ArrayState(ArrayState.zeros(params, 2, 0f));
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    ArrayState st = (ArrayState) state;
    int t = ++st.count;
    float b1 = (float) s.beta1();
    float c1 = (float) (1 - s.beta1());
    float b2 = (float) s.beta2();
    float c2 = (float) (1 - s.beta2());
    float bc1 = (float) (1 - Math.pow(s.beta1(), t));
    float bc2 = (float) (1 - Math.pow(s.beta2(), t));
    float eps = (float) s.eps();
    float epsRoot = (float) s.epsRoot();
    float lr = (float) c.lr();
    for (int i = 0; i < updates.size(); i++) {
      Tensor param = params.get(i);
      float[] g = updates.data(i);
      float[] p = param.data();
      float[] m = st.buffers[0][i];
      float[] v = st.buffers[1][i];
      boolean covered = s.mask().covers(param);
      float decay = covered ? (float) s.weightDecay() : 0f;
      for (int j = 0; j < g.length; j++) {
        float gj = g[j];
        float mj = b1 * m[j] + c1 * gj;
        float vj = b2 * v[j] + c2 * (gj * gj);
        m[j] = mj;
        v[j] = vj;
        g[j] = (mj / bc1) / ((float) Math.sqrt(vj / bc2 + epsRoot) + eps) + decay * p[j];
      }
      float ratio = covered
          ? TrustRatio.of(Math.sqrt(TreeMath.sumOfSquares(p)),
              Math.sqrt(TreeMath.sumOfSquares(g)), 1.0, 0.0)
          : 1f;
      float scale = lr * ratio;
      for (int j = 0; j < g.length; j++) {
        g[j] = -scale * g[j];
      }
    }
    return updates;
  }
}
