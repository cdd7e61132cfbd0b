package org.optbench.optim.transform;

import org.optbench.optim.FusedStep;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.Tensor;
import org.optbench.optim.TransformState;

/**
 * The complete Adafactor update of Shazeer &amp; Stern 2018 (Algorithms 4 and 5, §§7–9) as
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
 *
 * <p>Two passes over memory per factored tensor (docs/performance.md): (1) G and X are read
 * once, row chunk by row chunk, for R, C, RMS(X) and ΣU² ({@link FactoredStatistics}: U's
 * column factors are final only after the whole pass, but ΣU² separates into per-row and
 * per-column sums); (2) G, X (and M) are read and X (and M) written once. G is left intact.
 * Rows wider than {@link RowScratch#CHUNK} take one more read of G for ΣU², and only with update
 * clipping. An unfactored tensor takes two passes: V and U = G/√V (written over G) with the
 * sums, then the update.
 */
public final class ScaleByAdafactor implements FusedStep {

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
  public void step(ParamTree params, ParamTree grads, TransformState state, StepContext c) {
    run(params, grads, (FactoredMoments) state, c, true);
  }

  /** Writes the update {@code Δp} into {@code updates} instead of applying it. */
  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    run(params, updates, (FactoredMoments) state, c, false);
    return updates;
  }

  private void run(ParamTree params, ParamTree grads, FactoredMoments s, StepContext c,
      boolean apply) {
    int t = ++s.count;
    double rho = relativeStep
        ? Math.min(warmupInit ? 1e-6 * t : 1e-2, 1 / Math.sqrt(t)) * c.lr()
        : c.lr();
    float beta2t = (float) decay.at(t);
    for (int i = 0; i < params.size(); i++) {
      Tensor x = params.get(i);
      float[] g = grads.data(i);
      float[] m = s.firstMoment == null ? null : s.firstMoment[i];
      if (s.isFactored(i)) {
        factoredStep(x, g, m, s, i, beta2t, rho, c, apply);
      } else {
        fullStep(x.data(), g, s.full[i], m, beta2t, rho, c, apply);
      }
    }
  }

  /** αₜ from Σx², recorded in the context. */
  private double stepSize(double sumOfSquaresX, int n, double rho, StepContext c) {
    double alpha = (scaleParameter ? Math.max(eps2, FactoredMoments.rms(sumOfSquaresX, n)) : 1)
        * rho;
    c.recordStepSize(alpha, n);
    return alpha;
  }

  /** αₜ / max(1, RMS(U)/d). */
  private double clippedStep(double alpha, double sumOfSquaresU, int n) {
    return alpha / Math.max(1, FactoredMoments.rms(sumOfSquaresU, n) / clipThreshold);
  }

  private void factoredStep(Tensor x, float[] g, float[] m, FactoredMoments s, int i, float b,
      double rho, StepContext c, boolean apply) {
    float[] p = x.data();
    float[] rows = s.rows[i];
    float[] cols = s.cols[i];
    float[] rf = s.rowFactors[i];
    float[] cf = s.colFactors[i];
    int n = x.dim(-2);
    int cw = x.dim(-1);
    int batches = rows.length / Math.max(n, 1);
    float w = 1 - b;
    boolean clips = clipThreshold != Double.POSITIVE_INFINITY;
    boolean fusedU = FactoredStatistics.weighsRows(cw);
    // Pass 1: R, C, Σx² and, for rows of one chunk, ΣU² (see FactoredStatistics).
    double sumU = 0;
    for (int k = 0; k < batches; k++) {
      FactoredStatistics.accumulate(p, g, rows, cols, k, n, cw, b, w, eps1, false, clips,
          s.chunks);
      // U = G / √(R·C / mean(R)) = G · (1/√(R/mean(R))) · (1/√C).
      double rowTotal = 0;
      for (int r = 0; r < n; r++) {
        rowTotal += rows[k * n + r];
      }
      float rowMean = (float) (rowTotal / n);
      for (int r = 0; r < n; r++) {
        rf[k * n + r] = (float) (1 / Math.sqrt(rows[k * n + r] / rowMean));
      }
      for (int col = k * cw; col < (k + 1) * cw; col++) {
        cf[col] = (float) (1 / Math.sqrt(cols[col]));
      }
      if (clips && fusedU) {
        sumU += rowMean * FactoredStatistics.overColumns(s.chunks, cols, k * cw, cw);
      }
    }
    double alpha = stepSize(FactoredStatistics.paramSquares(s.chunks), p.length, rho, c);
    // Pass 2, for rows wider than a chunk: ΣU² = Σ_r rf² · Σ_c (g·cf)².
    if (clips && !fusedU) {
      for (int k = 0; k < batches; k++) {
        for (int r = 0; r < n; r++) {
          double f = rf[k * n + r];
          sumU += f * f * FloatLanes.sumOfScaledSquares(g, (k * n + r) * cw, cf, k * cw, cw);
        }
      }
    }
    float step = (float) clippedStep(alpha, sumU, p.length);
    float decay = (float) (weightDecay * alpha);
    // Last pass: the update.
    float b1 = m == null ? 0 : beta1.floatValue();
    float into = m == null ? step : (1 - b1) * step;
    boolean oneChunk = cw <= RowScratch.CHUNK;
    for (int k = 0; k < batches; k++) {
      if (oneChunk) {
        s.chunks.loadColumnFactors(cf, k * cw, cw);
      }
      for (int r = 0; r < n; r++) {
        int off = (k * n + r) * cw;
        float q = into * rf[k * n + r];
        for (int c0 = 0; c0 < cw; c0 += RowScratch.CHUNK) {
          int len = Math.min(RowScratch.CHUNK, cw - c0);
          if (!oneChunk) {
            s.chunks.loadColumnFactors(cf, k * cw + c0, len);
          }
          AdafactorKernels.factoredUpdate(p, g, m, off + c0, len, q, b1, decay, apply, s.chunks);
        }
      }
    }
  }

  private void fullStep(float[] p, float[] g, float[] v, float[] m, float b, double rho,
      StepContext c, boolean apply) {
    float w = 1 - b;
    // Pass 1: V ← β̂V + (1 − β̂)(G² + ε₁), U = G/√V written over G, Σx² and ΣU².
    double sumX = 0;
    double sumU = 0;
    for (int j = 0; j < g.length; j += FloatLanes.BLOCK) {
      int end = Math.min(g.length, j + FloatLanes.BLOCK);
      secondMomentAndDirection(g, v, j, end, b, w, eps1);
      sumX += FloatLanes.sumOfSquares(p, j, end);
      sumU += FloatLanes.sumOfSquares(g, j, end);
    }
    double alpha = stepSize(sumX, p.length, rho, c);
    float step = (float) clippedStep(alpha, sumU, p.length);
    float decay = (float) (weightDecay * alpha);
    // Pass 2: the update.
    float b1 = m == null ? 0 : beta1.floatValue();
    float q = m == null ? step : (1 - b1) * step;
    AdafactorKernels.directUpdate(p, g, m, 0, g.length, q, b1, decay, apply);
  }

  private static void secondMomentAndDirection(float[] g, float[] v, int from, int to, float b,
      float w, float eps1) {
    for (int j = from; j < to; j++) {
      float gj = g[j];
      float vj = b * v[j] + w * (gj * gj + eps1);
      v[j] = vj;
      g[j] = gj / (float) Math.sqrt(vj);
    }
  }
}
