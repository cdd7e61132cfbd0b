package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.Tensor;
import org.optbench.optim.TransformState;
import org.optbench.optim.TreeMath;

/**
 * LARS (You et al. 2017, Algorithm 1) as optax.lars computes it: weight decay added to the
 * gradient, the layer-wise trust ratio ({@link TrustRatio}) on the result, the learning rate, then
 * momentum on the scaled step (optax's {@code trace}, which takes lr inside the average as the
 * paper's Algorithm 1 does, where torch-style SGD applies lr after it):
 *
 * <pre>
 *   g ← g + λ·p
 *   u = lr·r·g,   r = η·‖p‖/(‖g‖ + ε) (1 when either norm is 0)
 *   b ← μ·b + u;  p ← p − b   (nesterov: p ← p − (u + μ·b))
 * </pre>
 *
 * The first step leaves b = u, since b starts at 0. With {@link TensorMask#MATRICES}, vectors get
 * neither the weight decay nor the trust ratio (optax's {@code weight_decay_mask} and
 * {@code trust_ratio_mask}, both set to the same mask). With μ = 0 no buffer is kept.
 */
public final class LarsUpdate implements GradientTransform {

  /**
   * LARS's hyperparameters, named as the spec names them.
   *
   * @param trustCoefficient η, the trust ratio's factor
   * @param eps ε added to ‖g‖ in the trust ratio
   * @param mask the tensors that get the weight decay and the trust ratio
   */
  public record Settings(double weightDecay, double trustCoefficient, double eps,
      double momentum, boolean nesterov, TensorMask mask) {}

  private final Settings s;

  private LarsUpdate(Settings settings) {
    this.s = settings;
  }

  public static GradientTransform lars(Settings settings) {
    return new LarsUpdate(settings);
  }

  /** The momentum buffer per tensor, none when μ = 0. */
  @Override
  public TransformState init(ParamTree params) {
    return new ArrayState(ArrayState.zeros(params, s.momentum() != 0 ? 1 : 0, 0f));
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    ArrayState st = (ArrayState) state;
    float mu = (float) s.momentum();
    float lr = (float) c.lr();
    for (int i = 0; i < updates.size(); i++) {
      Tensor param = params.get(i);
      float[] g = updates.data(i);
      float[] p = param.data();
      boolean covered = s.mask().covers(param);
      float decay = covered ? (float) s.weightDecay() : 0f;
      if (decay != 0) {
        for (int j = 0; j < g.length; j++) {
          g[j] += decay * p[j];
        }
      }
      float ratio = covered
          ? TrustRatio.of(Math.sqrt(TreeMath.sumOfSquares(p)),
              Math.sqrt(TreeMath.sumOfSquares(g)), s.trustCoefficient(), s.eps())
          : 1f;
      float scale = lr * ratio;
      if (mu == 0) {
        for (int j = 0; j < g.length; j++) {
          g[j] = -(g[j] * scale);
        }
        continue;
      }
      float[] b = st.buffers[0][i];
      for (int j = 0; j < g.length; j++) {
        float u = g[j] * scale;
        float bj = mu * b[j] + u;
        b[j] = bj;
        g[j] = -(s.nesterov() ? u + mu * bj : bj);
      }
    }
    return updates;
  }
}
