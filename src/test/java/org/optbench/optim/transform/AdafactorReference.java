package org.optbench.optim.transform;

/**
 * Both Adafactor variants written straight from the formulas of their class comments, in double,
 * one tensor at a time, with no concern for passes or speed: the reference the optimized float
 * implementations are checked against on shapes the golden vectors do not have (wide rows,
 * batches of matrices).
 */
final class AdafactorReference {

  private final boolean torch;
  private final int[] shape;
  private final double[] rows;
  private final double[] cols;
  private final double[] full;
  private final double[] moment;

  /**
   * @param torch torch.optim.Adafactor's formulas, else transformers'
   * @param factored whether the tensor's second moment is factored (rank ≥ 2)
   * @param momentum whether transformers' first moment is kept
   */
  AdafactorReference(boolean torch, int[] shape, boolean factored, boolean momentum) {
    this.torch = torch;
    this.shape = shape;
    int size = 1;
    for (int d : shape) {
      size *= d;
    }
    int n = factored ? shape[shape.length - 2] : 0;
    int m = factored ? shape[shape.length - 1] : 0;
    int batches = factored ? size / (n * m) : 0;
    rows = factored ? new double[batches * n] : null;
    cols = factored ? new double[batches * m] : null;
    full = factored ? null : new double[size];
    moment = momentum ? new double[size] : null;
  }

  /**
   * Δp of step {@code t} for parameters {@code p} and gradient {@code g}.
   *
   * @param beta2 β̂2ₜ (transformers) or the weight 1 − β̂2ₜ = t^decay (torch)
   * @param alpha αₜ (from RMS(p), computed by the caller)
   * @param d the update clipping threshold
   * @param eps1 ε₁
   * @param beta1 transformers' first-moment decay (ignored without momentum)
   * @param decay the weight decay factor on p: λ·αₜ (transformers) or γλ (torch)
   */
  double[] update(float[] p, float[] g, double beta2, double alpha, double d, double eps1,
      double beta1, double decay) {
    double[] u = new double[g.length];
    if (full != null) {
      for (int j = 0; j < g.length; j++) {
        double gg = (double) g[j] * g[j];
        if (torch) {
          full[j] += beta2 * (gg - full[j]);
          u[j] = g[j] / Math.max(Math.sqrt(full[j]), eps1);
        } else {
          full[j] = beta2 * full[j] + (1 - beta2) * (gg + eps1);
          u[j] = g[j] / Math.sqrt(full[j]);
        }
      }
    } else {
      factoredDirection(g, beta2, eps1, u);
    }
    double sum = 0;
    for (double x : u) {
      sum += x * x;
    }
    double scale = 1 / Math.max(1, Math.sqrt(sum / u.length) / d);
    double[] delta = new double[g.length];
    for (int j = 0; j < g.length; j++) {
      double step = alpha * scale * u[j];
      if (moment != null) {
        moment[j] = beta1 * moment[j] + (1 - beta1) * step;
        step = moment[j];
      }
      delta[j] = -step - decay * p[j];
    }
    return delta;
  }

  private void factoredDirection(float[] g, double beta2, double eps1, double[] u) {
    int n = shape[shape.length - 2];
    int m = shape[shape.length - 1];
    for (int k = 0; k < rows.length / n; k++) {
      double add = torch ? 0 : eps1;
      for (int r = 0; r < n; r++) {
        double mean = 0;
        for (int c = 0; c < m; c++) {
          mean += sq(g[(k * n + r) * m + c]) + add;
        }
        rows[k * n + r] = blend(rows[k * n + r], mean / m, beta2);
      }
      for (int c = 0; c < m; c++) {
        double mean = 0;
        for (int r = 0; r < n; r++) {
          mean += sq(g[(k * n + r) * m + c]) + add;
        }
        cols[k * m + c] = blend(cols[k * m + c], mean / n, beta2);
      }
      double rowMean = 0;
      for (int r = 0; r < n; r++) {
        rowMean += rows[k * n + r] / n;
      }
      for (int r = 0; r < n; r++) {
        for (int c = 0; c < m; c++) {
          int j = (k * n + r) * m + c;
          if (torch) {
            double v = rows[k * n + r] * cols[k * m + c] / Math.max(rowMean, eps1);
            u[j] = g[j] / Math.max(Math.sqrt(v), eps1);
          } else {
            u[j] = g[j] / Math.sqrt(rows[k * n + r] * cols[k * m + c] / rowMean);
          }
        }
      }
    }
  }

  /** transformers: β̂·old + (1 − β̂)·new; torch: lerp(old, new, w). */
  private double blend(double old, double fresh, double beta2) {
    return torch ? old + beta2 * (fresh - old) : beta2 * old + (1 - beta2) * fresh;
  }

  private static double sq(float x) {
    return (double) x * x;
  }

  /** RMS of p in double. */
  static double rms(float[] p) {
    double s = 0;
    for (float x : p) {
      s += (double) x * x;
    }
    return Math.sqrt(s / p.length);
  }
}
