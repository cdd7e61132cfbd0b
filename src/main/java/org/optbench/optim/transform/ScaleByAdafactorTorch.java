package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.Tensor;
import org.optbench.optim.TransformState;
import org.optbench.optim.TreeMath;

/**
 * Adafactor as torch.optim.Adafactor documents and computes it (PyTorch 2.5+,
 * {@code torch/optim/_adafactor.py}); the output is the final {@code Δp}.
 *
 * <pre>
 * β̂2ₜ = 1 − t^τ            ρₜ = min(γ, 1/√t)         αₜ = max(ε₂, RMS(θₜ₋₁))·ρₜ
 * rank ≥ 2:  R ← lerp(R, mean_cols(G²), 1 − β̂2ₜ),  C ← lerp(C, mean_rows(G²), 1 − β̂2ₜ)
 *            V̂ = R·C / max(mean(R), ε₁)
 * else:      V̂ ← lerp(V̂, G², 1 − β̂2ₜ)
 * U = G / max(√V̂, ε₁)       Û = U / max(1, RMS(U)/d)
 * Δθ = −γλ·θₜ₋₁ − αₜ·Û
 * </pre>
 *
 * <p>Departures from the paper (torch's own Note): γ (lr) caps ρₜ where the paper uses the
 * constant 10⁻²; weight decay, absent from the paper, is decoupled and scaled by γ, not αₜ;
 * ε₁ is not added to G² but floors mean(R) and √V̂ (default: float32 machine epsilon, not
 * 10⁻³⁰); means instead of sums (same V̂); no first moment, no relative-step switch, no
 * warm-up variant. γ is the context's (scheduled) lr.
 */
public final class ScaleByAdafactorTorch implements GradientTransform {

  /** torch.finfo(torch.float32).eps, torch's default ε₁. */
  public static final double FLOAT32_EPS = Math.ulp(1.0f);

  private final double beta2Decay;
  private final float eps1;
  private final double eps2;
  private final double d;
  private final double weightDecay;

  private ScaleByAdafactorTorch(
      double beta2Decay, double eps1, double eps2, double d, double weightDecay) {
    this.beta2Decay = beta2Decay;
    this.eps1 = (float) eps1;
    this.eps2 = eps2;
    this.d = d;
    this.weightDecay = weightDecay;
  }

  /** @param eps1 ε₁, or null for {@link #FLOAT32_EPS} */
  public static GradientTransform scaleByAdafactorTorch(
      double beta2Decay, Double eps1, double eps2, double d, double weightDecay) {
    return new ScaleByAdafactorTorch(
        beta2Decay, eps1 == null ? FLOAT32_EPS : eps1, eps2, d, weightDecay);
  }

  @Override
  public TransformState init(ParamTree params) {
    return new FactoredMoments(params, false, true);
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    FactoredMoments s = (FactoredMoments) state;
    int t = ++s.count;
    double lr = c.lr();
    float w = (float) Math.pow(t, beta2Decay);
    double rho = Math.min(lr, 1 / Math.sqrt(t));
    float floor = eps1 * eps1;
    for (int i = 0; i < updates.size(); i++) {
      Tensor x = params.get(i);
      float[] g = updates.data(i);
      float[] p = x.data();
      double alpha = Math.max(eps2, FactoredMoments.rms(p)) * rho;
      c.recordStepSize(alpha, p.length);
      if (s.isFactored(i)) {
        factoredDirection(g, s.rows[i], s.cols[i], x.dim(-2), x.dim(-1), w);
      } else {
        float[] v = s.full[i];
        for (int j = 0; j < g.length; j++) {
          v[j] += w * (g[j] * g[j] - v[j]);
          g[j] = g[j] / (float) Math.sqrt(Math.max(v[j], floor));
        }
      }
      float step = (float) (alpha / Math.max(1, FactoredMoments.rms(g) / d));
      float decay = (float) (lr * weightDecay);
      for (int j = 0; j < g.length; j++) {
        g[j] = -decay * p[j] - step * g[j];
      }
    }
    return updates;
  }

  private void factoredDirection(float[] g, float[] rows, float[] cols, int n, int m, float w) {
    int batches = rows.length / Math.max(n, 1);
    float floor = eps1 * eps1;
    for (int k = 0; k < batches; k++) {
      int base = k * n * m;
      // lerp(C, mean_rows(G²), w) = (1 − w)·C + Σ_rows w·G²/n, accumulated row by row so that
      // memory is read in order (a column walk strides by a whole row per element).
      for (int col = 0; col < m; col++) {
        cols[k * m + col] *= 1 - w;
      }
      for (int r = 0; r < n; r++) {
        int off = base + r * m;
        for (int col = 0; col < m; col++) {
          cols[k * m + col] += w * (g[off + col] * g[off + col]) / n;
        }
      }
      double rowTotal = 0;
      for (int r = 0; r < n; r++) {
        int off = base + r * m;
        double rowSum = TreeMath.sumOfSquares(g, off, off + m);
        rows[k * n + r] += w * ((float) (rowSum / m) - rows[k * n + r]);
        rowTotal += rows[k * n + r];
      }
      float rowMean = (float) Math.max(rowTotal / n, eps1);
      for (int r = 0; r < n; r++) {
        int off = base + r * m;
        for (int col = 0; col < m; col++) {
          float v = rows[k * n + r] * cols[k * m + col] / rowMean;
          g[off + col] = g[off + col] / (float) Math.sqrt(Math.max(v, floor));
        }
      }
    }
  }
}
