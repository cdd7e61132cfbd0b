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

  /** √(Σ x²) over every element: the global L2 norm of torch.nn.utils.clip_grad_norm_. */
  public static double globalNorm(ParamTree tree) {
    return Math.sqrt(sumOfSquares(tree));
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
   * {@code grads}; returns Σ g² otherwise. One pass: the sum is non-finite exactly when some
   * element is (or the sum overflows, which the second pass tells apart).
   */
  public static double requireFinite(ParamTree grads, int step) {
    double sum = sumOfSquares(grads);
    if (Double.isFinite(sum)) {
      return sum;
    }
    for (int i = 0; i < grads.size(); i++) {
      float[] g = grads.data(i);
      for (int j = 0; j < g.length; j++) {
        if (!Float.isFinite(g[j])) {
          throw new NonFiniteGradientException(grads.get(i).name(), j, g[j], step);
        }
      }
    }
    return sum;
  }
}
