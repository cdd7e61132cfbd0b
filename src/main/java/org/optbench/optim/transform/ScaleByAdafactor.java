package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.Tensor;
import org.optbench.optim.TransformState;
import org.optbench.optim.TreeMath;

/**
 * The complete Adafactor update of Shazeer & Stern 2018 (Algorithms 4 and 5, §§7–9) as
 * transformers.optimization.Adafactor computes it; the output is the final {@code Δp}, learning
 * rate and weight decay included, because the step size depends on each tensor's own RMS.
 *
 * <p>Per step t and tensor X with gradient G:
 *
 * <pre>
 * β̂2ₜ = 1 − t^decay_rate, or β2(1 − β2^(t−1))/(1 − β2^t) given beta2 ({@link SecondMomentDecay})
 * ρₜ  = relative_step ? min(warmup_init ? 10⁻⁶·t : 10⁻², 1/√t) : lr
 * αₜ  = (scale_parameter ? max(ε₂, RMS(X)) : 1) · ρₜ
 * rank ≥ 2:  R ← β̂2ₜR + (1 − β̂2ₜ)·mean_cols(G² + ε₁),  C ← β̂2ₜC + (1 − β̂2ₜ)·mean_rows(G² + ε₁)
 *            U = G / √(R·C / mean(R))       (per matrix of the last two dimensions)
 * else:      V ← β̂2ₜV + (1 − β̂2ₜ)(G² + ε₁),  U = G / √V
 * Û = αₜ · U / max(1, RMS(U)/d)
 * with β1:   M ← β1·M + (1 − β1)·Û;  Û = M
 * Δp = −Û − weight_decay·αₜ·X
 * </pre>
 *
 * <p>Departures from the paper (all transformers'): means instead of the paper's row/column sums
 * (the same V̂, since the factors of n and m cancel in R·C/ΣR); first moment taken over the
 * already scaled and clipped update; weight decay (absent from the paper) scaled by αₜ;
 * {@code scale_parameter} also applies when {@code relative_step} is off, multiplying the given lr
 * by RMS(X); {@code warmup_init}'s ρₜ = min(10⁻⁶·t, 1/√t). In optbench, a schedule multiplies ρₜ
 * in the relative-step mode (the context's lr then carries only the schedule's factor).
 */
public final class ScaleByAdafactor implements GradientTransform {

  private final float eps1;
  private final double eps2;
  private final double clipThreshold;
  private final SecondMomentDecay decay;
  private final Double beta1;
  private final double weightDecay;
  private final boolean scaleParameter;
  private final boolean relativeStep;
  private final boolean warmupInit;
  private final boolean factored;

  private ScaleByAdafactor(double eps1, double eps2, double clipThreshold, SecondMomentDecay decay,
      Double beta1, double weightDecay, boolean scaleParameter, boolean relativeStep,
      boolean warmupInit, boolean factored) {
    this.eps1 = (float) eps1;
    this.eps2 = eps2;
    this.clipThreshold = clipThreshold;
    this.decay = decay;
    this.beta1 = beta1;
    this.weightDecay = weightDecay;
    this.scaleParameter = scaleParameter;
    this.relativeStep = relativeStep;
    this.warmupInit = warmupInit;
    this.factored = factored;
  }

  /**
   * See the class comment for each argument; {@code beta1} null disables the first moment;
   * {@code factored} false keeps a full second moment for every tensor (not in transformers: the
   * "factored: no" rows of Shazeer &amp; Stern 2018, Table 2).
   */
  public static GradientTransform scaleByAdafactor(double eps1, double eps2, double clipThreshold,
      SecondMomentDecay decay, Double beta1, double weightDecay, boolean scaleParameter,
      boolean relativeStep, boolean warmupInit, boolean factored) {
    return new ScaleByAdafactor(eps1, eps2, clipThreshold, decay, beta1, weightDecay,
        scaleParameter, relativeStep, warmupInit, factored);
  }

  @Override
  public TransformState init(ParamTree params) {
    return new FactoredMoments(params, beta1 != null, factored);
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    FactoredMoments s = (FactoredMoments) state;
    int t = ++s.count;
    double rho = relativeStep
        ? Math.min(warmupInit ? 1e-6 * t : 1e-2, 1 / Math.sqrt(t)) * c.lr()
        : c.lr();
    float beta2t = (float) decay.at(t);
    for (int i = 0; i < updates.size(); i++) {
      Tensor x = params.get(i);
      float[] g = updates.data(i);
      float[] p = x.data();
      double alpha = (scaleParameter ? Math.max(eps2, FactoredMoments.rms(p)) : 1) * rho;
      c.recordStepSize(alpha, p.length);
      if (s.isFactored(i)) {
        factoredDirection(g, s.rows[i], s.cols[i], x.dim(-2), x.dim(-1), beta2t);
      } else {
        float[] v = s.full[i];
        for (int j = 0; j < g.length; j++) {
          v[j] = beta2t * v[j] + (1 - beta2t) * (g[j] * g[j] + eps1);
          g[j] = g[j] / (float) Math.sqrt(v[j]);
        }
      }
      float scale = (float) (alpha / Math.max(1, FactoredMoments.rms(g) / clipThreshold));
      float decay = (float) (weightDecay * alpha);
      if (beta1 != null) {
        float b1 = beta1.floatValue();
        float[] m = s.firstMoment[i];
        for (int j = 0; j < g.length; j++) {
          m[j] = b1 * m[j] + (1 - b1) * (scale * g[j]);
          g[j] = -m[j] - decay * p[j];
        }
      } else {
        for (int j = 0; j < g.length; j++) {
          g[j] = -scale * g[j] - decay * p[j];
        }
      }
    }
    return updates;
  }

  /** Updates R and C from g and overwrites g with g/√V̂, V̂ = R·C/mean(R), per matrix. */
  private void factoredDirection(float[] g, float[] rows, float[] cols, int n, int m, float b) {
    int batches = rows.length / Math.max(n, 1);
    float w = 1 - b;
    for (int k = 0; k < batches; k++) {
      int base = k * n * m;
      for (int col = 0; col < m; col++) {
        cols[k * m + col] *= b;
      }
      double rowTotal = 0;
      for (int r = 0; r < n; r++) {
        int off = base + r * m;
        for (int col = 0; col < m; col++) {
          cols[k * m + col] += w * (g[off + col] * g[off + col] + eps1) / n;
        }
        // Σ(g² + ε₁) = Σg² + m·ε₁, the sum with independent partial sums (see TreeMath).
        double rowSum = TreeMath.sumOfSquares(g, off, off + m) + (double) m * eps1;
        rows[k * n + r] = b * rows[k * n + r] + w * (float) (rowSum / m);
        rowTotal += rows[k * n + r];
      }
      float rowMean = (float) (rowTotal / n);
      for (int r = 0; r < n; r++) {
        float rowFactor = (float) (1 / Math.sqrt(rows[k * n + r] / rowMean));
        int off = base + r * m;
        for (int col = 0; col < m; col++) {
          g[off + col] *= rowFactor / (float) Math.sqrt(cols[k * m + col]);
        }
      }
    }
  }
}
