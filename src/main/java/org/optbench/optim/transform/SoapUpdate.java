package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.TreeMath;
import org.optbench.optim.linalg.DoubleProducts;
import org.optbench.optim.linalg.Eigenbasis;
import org.optbench.optim.linalg.MatrixShape;

/**
 * SOAP (Vyas et al. 2024, Algorithm 3) as the authors' reference {@code soap.py}
 * (github.com/nikhilvyas/SOAP) computes it: Adam run in the eigenbasis of Shampoo's
 * preconditioners. Per tensor, seen as a matrix G ({@link MatrixShape}):
 *
 * <pre>
 *   t = 1:  L = lerp(0, G·Gᵀ, 1 − β_s), R likewise; Q_L, Q_R = eigenvectors (largest first);
 *           no parameter moves (the reference's first step)
 *   t ≥ 2, s = t − 1:
 *     G' = Q_Lᵀ·G·Q_R;  m ← β1·m + (1 − β1)·G';  v ← β2·v + (1 − β2)·G'²
 *     p ← p − lr·√(1 − β2ˢ)/(1 − β1ˢ) · Q_L·(m/(√v + ε))·Q_Rᵀ;  p ← p − lr·λ·p
 *     L ← lerp(L, G·Gᵀ, 1 − β_s), R likewise
 *     every precondition_frequency steps (s mod f = 0): m back to the parameter basis, each Q
 *       sorted by qⱼᵀ·L·qⱼ (v permuted alike), Q ← QR(L·Q) (one power-iteration step), m into
 *       the new basis
 * </pre>
 *
 * β_s is shampoo_beta, or β2 when unset. Dimensions above max_precond_dim and vectors (unless
 * precondition_1d) are not rotated (identity), so a bias gets plain Adam. The bases come from a
 * float64 eigendecomposition and QR ({@link Eigenbasis}); products are accumulated in float64 and
 * rounded once; state is float32. The float64 buffers are the state's scratch, made at init: a
 * step allocates nothing but when it computes a basis (the first step and each refresh), inside
 * commons-math3's {@code EigenDecomposition} and {@code QRDecomposition}.
 *
 * <p>Departures from the reference: a tensor of rank ≥ 3 is flattened to its first dimension by
 * the rest (the reference keeps one basis per dimension, or merges dimensions with merge_dims);
 * m is carried to the parameter basis and back only when the basis changes (the reference does
 * it at every step, an identity up to rounding); normalize_grads and data_format are not offered.
 */
public final class SoapUpdate implements GradientTransform {

  /** SOAP's settings, named as the reference's arguments. */
  public record Options(double beta1, double beta2, double shampooBeta, double eps,
      double weightDecay, int preconditionFrequency, int maxPrecondDim, boolean precondition1d,
      boolean correctBias) {}

  private final Options o;

  private SoapUpdate(Options o) {
    this.o = o;
  }

  public static GradientTransform soap(Options options) {
    return new SoapUpdate(options);
  }

  @Override
  public TransformState init(ParamTree params) {
    return new SoapState(params, o.maxPrecondDim(), o.precondition1d());
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    SoapState s = (SoapState) state;
    int t = ++s.count;
    float w = (float) (1 - o.shampooBeta());
    if (t == 1) {
      for (int i = 0; i < updates.size(); i++) {
        float[] g = updates.data(i);
        for (int side = 0; side < 2; side++) {
          if (s.stats[i][side] != null) {
            accumulate(s.stats[i][side], side, g, s.shapes[i], w, s.scratch[i]);
            Eigenbasis.initial(s.stats[i][side], s.bases[i][side], s.scratch[i].eigen[side]);
          }
        }
        java.util.Arrays.fill(g, 0f);
      }
      return updates;
    }
    int step = t - 1;
    float lr = (float) c.lr();
    float stepSize = stepSize(lr, step);
    float decay = (float) (lr * o.weightDecay());
    float b1 = (float) o.beta1();
    float c1 = (float) (1 - o.beta1());
    float b2 = (float) o.beta2();
    float c2 = (float) (1 - o.beta2());
    float eps = (float) o.eps();
    boolean refresh = step % o.preconditionFrequency() == 0;
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      float[] p = params.data(i);
      float[] m = s.m[i];
      float[] v = s.v[i];
      MatrixShape shape = s.shapes[i];
      float[][] q = s.bases[i];
      SoapState.Scratch scratch = s.scratch[i];
      float[] projected = rotate(g, shape, q, true, scratch, scratch.projected);
      float[] direction = scratch.direction;
      for (int j = 0; j < g.length; j++) {
        float gp = projected[j];
        m[j] = b1 * m[j] + c1 * gp;
        v[j] = b2 * v[j] + (gp * gp) * c2;
        direction[j] = m[j] / ((float) Math.sqrt(v[j]) + eps);
      }
      float[] u = rotate(direction, shape, q, false, scratch, scratch.projected);
      for (int j = 0; j < g.length; j++) {
        float moved = p[j] - stepSize * u[j];
        if (o.weightDecay() > 0) {
          moved = moved - decay * moved;
        }
        direction[j] = moved - p[j];
      }
      for (int side = 0; side < 2; side++) {
        if (s.stats[i][side] != null) {
          accumulate(s.stats[i][side], side, g, shape, w, scratch);
        }
      }
      if (refresh && (q[0] != null || q[1] != null)) {
        refreshBases(s, i, shape);
      }
      System.arraycopy(direction, 0, g, 0, g.length);
    }
    return updates;
  }

  /** lr·√(1 − β2ˢ)/(1 − β1ˢ), or lr without correct_bias, computed in float64. */
  private float stepSize(float lr, int step) {
    if (!o.correctBias()) {
      return lr;
    }
    double bc1 = 1 - Math.pow(o.beta1(), step);
    double bc2 = 1 - Math.pow(o.beta2(), step);
    return (float) (lr * Math.sqrt(bc2) / bc1);
  }

  /**
   * Into the eigenbasis, Q_Lᵀ·X·Q_R ({@code forward}), or back, Q_L·X·Q_Rᵀ; an unrotated side
   * is the identity. Accumulated in float64 in the scratch's buffers, rounded once into {@code
   * out} (which may be {@code x}), which is returned.
   */
  static float[] rotate(float[] x, MatrixShape shape, float[][] q, boolean forward,
      SoapState.Scratch scratch, float[] out) {
    if (q[0] == null && q[1] == null) {
      System.arraycopy(x, 0, out, 0, x.length);
      return out;
    }
    int rows = shape.rows();
    int cols = shape.cols();
    double[] y = DoubleProducts.left(q[0], false, forward, DoubleProducts.widen(x, scratch.wide),
        rows, cols, scratch.product);
    y = DoubleProducts.right(y, rows, cols, q[1], false, !forward, scratch.rotated);
    DoubleProducts.round(y, out);
    return out;
  }

  /** S ← lerp(S, G·Gᵀ or Gᵀ·G, w) in float32, as torch's lerp_. */
  private static void accumulate(float[] stat, int side, float[] g, MatrixShape shape, float w,
      SoapState.Scratch scratch) {
    float[] term = scratch.term;
    if (side == 0) {
      DoubleProducts.gramOfRows(g, shape.rows(), shape.cols(), term);
    } else {
      DoubleProducts.gramOfCols(g, shape.rows(), shape.cols(), scratch.gram, term);
    }
    for (int k = 0; k < stat.length; k++) {
      stat[k] = TreeMath.lerp(stat[k], term[k], w);
    }
  }

  /** m to the parameter basis, each basis refreshed (v permuted alike), m into the new basis. */
  private static void refreshBases(SoapState s, int i, MatrixShape shape) {
    SoapState.Scratch scratch = s.scratch[i];
    float[] original = rotate(s.m[i], shape, s.bases[i], false, scratch, scratch.projected);
    for (int side = 0; side < 2; side++) {
      if (s.bases[i][side] != null) {
        int[] order = Eigenbasis.refresh(s.stats[i][side], s.bases[i][side],
            scratch.eigen[side]);
        Eigenbasis.permute(s.v[i], shape.rows(), shape.cols(), order, side == 0,
            scratch.permuted);
      }
    }
    rotate(original, shape, s.bases[i], true, scratch, s.m[i]);
  }
}
