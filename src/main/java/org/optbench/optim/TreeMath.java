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

  /** Σ x² over one array, accumulated in double (float would lose digits beyond ~10⁷ terms). */
  public static double sumOfSquares(float[] x) {
    double sum = 0;
    for (float v : x) {
      sum += (double) v * v;
    }
    return sum;
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
