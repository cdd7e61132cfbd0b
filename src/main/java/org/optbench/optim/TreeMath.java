package org.optbench.optim;

/** Whole-tree arithmetic shared by transforms and optimizers: norms, scaling, applying updates. */
public final class TreeMath {

  private TreeMath() {}

  /** Σ x² over every element, accumulated in double. */
  public static double sumOfSquares(ParamTree tree) {
    double sum = 0;
    for (int i = 0; i < tree.size(); i++) {
      sum += sumOfSquares(tree.data(i));
    }
    return sum;
  }

  /**
   * Σ x² over one array, accumulated in double (float would lose digits beyond ~10⁷ terms). Four
   * independent partial sums: one running sum waits on the previous add's latency every element,
   * which made this pass slower than a whole Adam step.
   */
  public static double sumOfSquares(float[] x) {
    return sumOfSquares(x, 0, x.length);
  }

  /** Σ x² over {@code x[from, to)}, as {@link #sumOfSquares(float[])}. */
  public static double sumOfSquares(float[] x, int from, int to) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = from;
    for (; j + 3 < to; j += 4) {
      s0 += (double) x[j] * x[j];
      s1 += (double) x[j + 1] * x[j + 1];
      s2 += (double) x[j + 2] * x[j + 2];
      s3 += (double) x[j + 3] * x[j + 3];
    }
    for (; j < to; j++) {
      s0 += (double) x[j] * x[j];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * sign(v): ±1, or 0 for ±0 (torch.sign), from intrinsics only. {@code Math.signum} and float
   * conditionals compile to jumps on x86, which mispredict on gradients of random sign; |v|·10⁷⁶
   * saturates to 1 for every non-zero float, the smallest subnormal included.
   */
  public static float sign(float v) {
    return Math.copySign(Math.min(1f, Math.abs(v) * 1e38f * 1e38f), v);
  }

  /**
   * start + weight·(end − start) in float32 as torch's lerp kernel computes it: from the start
   * for |weight| &lt; 0.5, from the end ({@code end − (end − start)·(1 − weight)}) otherwise, so
   * that the result is exact at both ends.
   */
  public static float lerp(float start, float end, float weight) {
    return Math.abs(weight) < 0.5f
        ? start + weight * (end - start)
        : end - (end - start) * (1 - weight);
  }

  /** √(Σ x²) over every element: the global L2 norm of torch.nn.utils.clip_grad_norm_. */
  public static double globalNorm(ParamTree tree) {
    return Math.sqrt(sumOfSquares(tree));
  }

  /**
   * The global L2 norm as float32 arithmetic has it: √Σg², or +∞ when Σg² exceeds float32's
   * largest value, i.e. ‖g‖ > 1.8447e19 (NaN stays NaN), as torch's float32 norm does: torch
   * 2.13's {@code vector_norm} and {@code clip_grad_norm_} return inf for g = (2e19, 1), and the
   * latter then zeroes the gradients. The training loop and replay, on both engines, treat such a
   * step as diverged (docs/optimizers.md, "Overflow policy").
   */
  public static double float32Norm(double sumOfSquares) {
    return sumOfSquares > Float.MAX_VALUE ? Double.POSITIVE_INFINITY : Math.sqrt(sumOfSquares);
  }

  /** Multiplies every element by {@code factor}. */
  public static void scale(ParamTree tree, float factor) {
    for (int i = 0; i < tree.size(); i++) {
      float[] x = tree.data(i);
      for (int j = 0; j < x.length; j++) {
        x[j] *= factor;
      }
    }
  }

  /** {@code params += updates} (optax {@code apply_updates}). */
  public static void applyUpdates(ParamTree params, ParamTree updates) {
    for (int i = 0; i < params.size(); i++) {
      float[] p = params.data(i);
      float[] u = updates.data(i);
      for (int j = 0; j < p.length; j++) {
        p[j] += u[j];
      }
    }
  }

  /**
   * Throws {@link NonFiniteGradientException} for the first NaN or infinite element of
   * {@code grads}; returns Σ g² otherwise. The step's only pass over the gradients before the
   * update, so it is built for speed: blocks of {@value #BLOCK} elements are summed in float over
   * eight independent lanes (128 squares each, relative error ≤ 128·2⁻²⁴ ≈ 8e-6, typically
   * ~1e-7, the accuracy torch's own float32 norm has), and the block sums in double. Twice as
   * fast as {@link #sumOfSquares(ParamTree)}, whose double conversion and longer dependency
   * chains cost as much as a whole Adam update at 1e6 parameters (docs/performance.md).
   *
   * <p>A block whose float sum is not finite (a NaN or ±Inf element, or squares beyond float's
   * range) is summed again in double, and scanned for the bad element if that sum is not finite
   * either. A total below 2⁻⁶⁰ is recomputed in double: squares of |g| below 1e-19 underflow in
   * float. So the result is exact to float rounding over the whole range, and finite exactly
   * when every element is.
   */
  public static double requireFinite(ParamTree grads, int step) {
    double sum = 0;
    for (int i = 0; i < grads.size(); i++) {
      sum += finiteSumOfSquares(grads.data(i));
    }
    if (!Double.isFinite(sum)) {
      for (int i = 0; i < grads.size(); i++) {
        float[] g = grads.data(i);
        for (int j = 0; j < g.length; j++) {
          if (!Float.isFinite(g[j])) {
            throw new NonFiniteGradientException(grads.get(i).name(), j, g[j], step);
          }
        }
      }
    }
    return sum < TINY_SUM ? sumOfSquares(grads) : sum;
  }

  /** Elements per float block in {@link #requireFinite}: 8 lanes × 128 squares. */
  static final int BLOCK = 1024;

  /** Below this Σ g², float squares may have underflowed; recompute in double. */
  private static final double TINY_SUM = 0x1p-60;

  /** Σ x² as {@link #requireFinite} computes it; not finite iff some element is not. */
  static double finiteSumOfSquares(float[] x) {
    double total = 0;
    int j = 0;
    for (; j + BLOCK <= x.length; j += BLOCK) {
      float a0 = 0;
      float a1 = 0;
      float a2 = 0;
      float a3 = 0;
      float a4 = 0;
      float a5 = 0;
      float a6 = 0;
      float a7 = 0;
      for (int k = j; k < j + BLOCK; k += 8) {
        a0 += x[k] * x[k];
        a1 += x[k + 1] * x[k + 1];
        a2 += x[k + 2] * x[k + 2];
        a3 += x[k + 3] * x[k + 3];
        a4 += x[k + 4] * x[k + 4];
        a5 += x[k + 5] * x[k + 5];
        a6 += x[k + 6] * x[k + 6];
        a7 += x[k + 7] * x[k + 7];
      }
      float block = ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7));
      total += Float.isFinite(block) ? block : sumOfSquares(x, j, j + BLOCK);
    }
    return total + sumOfSquares(x, j, x.length);
  }
}
