package org.optbench.optim.transform;

import org.optbench.optim.FusedStep;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.Tensor;
import org.optbench.optim.TransformState;

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
 *
 * <p>Passes over memory as in {@link ScaleByAdafactor}: the statistics with Σθ² and ΣU², then
 * the update, with G left intact. Where no element of a row can reach the floor (its smallest
 * R·C/mean(R) is above ε₁²) U = G·(1/√(R/mean(R)))·(1/√C), two multiplications per element; a
 * row that can reach it takes the floor elementwise, with U written over G in the second pass.
 */
public final class ScaleByAdafactorTorch implements FusedStep {

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
    double lr = c.lr();
    float w = (float) Math.pow(t, beta2Decay);
    double rho = Math.min(lr, 1 / Math.sqrt(t));
    float decay = (float) (lr * weightDecay);
    for (int i = 0; i < params.size(); i++) {
      Tensor x = params.get(i);
      float[] g = grads.data(i);
      if (s.isFactored(i)) {
        factoredStep(x, g, s, i, w, rho, decay, c, apply);
      } else {
        fullStep(x.data(), g, s.full[i], w, rho, decay, c, apply);
      }
    }
  }

  /** αₜ = max(ε₂, RMS(θ))·ρₜ, recorded in the context. */
  private double stepSize(double sumOfSquaresX, int n, double rho, StepContext c) {
    double alpha = Math.max(eps2, FactoredMoments.rms(sumOfSquaresX, n)) * rho;
    c.recordStepSize(alpha, n);
    return alpha;
  }

  /**
   * rowFactors holds 1/√(R/mean(R)) for a row whose U is G·rowFactor·colFactor, and −R/mean(R)
   * (≤ 0) for a row that can reach the floor.
   */
  private void factoredStep(Tensor x, float[] g, FactoredMoments s, int i, float w, double rho,
      float decay, StepContext c, boolean apply) {
    float[] p = x.data();
    float[] rows = s.rows[i];
    float[] cols = s.cols[i];
    float[] rf = s.rowFactors[i];
    float[] cf = s.colFactors[i];
    int n = x.dim(-2);
    int cw = x.dim(-1);
    int batches = rows.length / Math.max(n, 1);
    float floor = eps1 * eps1;
    boolean fusedU = FactoredStatistics.weighsRows(cw);
    // Pass 1: R, C, Σθ² and, for rows of one chunk, ΣU² (see FactoredStatistics).
    double sumU = 0;
    boolean floored = false;
    for (int k = 0; k < batches; k++) {
      FactoredStatistics.accumulate(p, g, rows, cols, k, n, cw, 1 - w, w, 0f, true, true,
          s.chunks);
      double rowTotal = 0;
      for (int r = 0; r < n; r++) {
        rowTotal += rows[k * n + r];
      }
      float rowMean = (float) Math.max(rowTotal / n, eps1);
      float minCol = Float.POSITIVE_INFINITY;
      for (int col = k * cw; col < (k + 1) * cw; col++) {
        minCol = Math.min(minCol, cols[col]);
        cf[col] = (float) (1 / Math.sqrt(cols[col]));
      }
      boolean batchFloored = false;
      for (int r = 0; r < n; r++) {
        float ratio = rows[k * n + r] / rowMean;
        // Rounding is monotonic, so ratio·minCol > floor bounds ratio·C of every column.
        boolean free = ratio * minCol > floor;
        rf[k * n + r] = free ? (float) (1 / Math.sqrt(ratio)) : -ratio;
        batchFloored |= !free;
      }
      if (fusedU && !batchFloored) {
        sumU += rowMean * FactoredStatistics.overColumns(s.chunks, cols, k * cw, cw);
      }
      floored |= batchFloored;
    }
    double alpha = stepSize(FactoredStatistics.paramSquares(s.chunks), p.length, rho, c);
    // Pass 2, for rows wider than a chunk and matrices with a floored row: ΣU², with U written
    // over G in the floored rows.
    if (!fusedU || floored) {
      sumU = 0;
      for (int k = 0; k < batches; k++) {
        for (int r = 0; r < n; r++) {
          int off = (k * n + r) * cw;
          double f = rf[k * n + r];
          if (f > 0) {
            sumU += f * f * FloatLanes.sumOfScaledSquares(g, off, cf, k * cw, cw);
          } else {
            flooredDirection(g, off, cols, k * cw, cw, (float) -f, floor);
            sumU += FloatLanes.sumOfSquares(g, off, off + cw);
          }
        }
      }
    }
    float step = (float) (alpha / Math.max(1, FactoredMoments.rms(sumU, p.length) / d));
    // Last pass: Δθ = −γλ·θ − step·U.
    boolean oneChunk = cw <= RowScratch.CHUNK;
    for (int k = 0; k < batches; k++) {
      if (oneChunk) {
        s.chunks.loadColumnFactors(cf, k * cw, cw);
      }
      for (int r = 0; r < n; r++) {
        int off = (k * n + r) * cw;
        float f = rf[k * n + r];
        if (f > 0) {
          for (int c0 = 0; c0 < cw; c0 += RowScratch.CHUNK) {
            int len = Math.min(RowScratch.CHUNK, cw - c0);
            if (!oneChunk) {
              s.chunks.loadColumnFactors(cf, k * cw + c0, len);
            }
            AdafactorKernels.factoredUpdate(p, g, null, off + c0, len, step * f, 0, decay, apply,
                s.chunks);
          }
        } else {
          AdafactorKernels.directUpdate(p, g, null, off, cw, step, 0, decay, apply);
        }
      }
    }
  }

  /** U = G / √max(ratio·C, ε₁²) over one row, written over G. */
  private static void flooredDirection(float[] g, int off, float[] cols, int colOff, int len,
      float ratio, float floor) {
    for (int c = 0; c < len; c++) {
      float v = ratio * cols[colOff + c];
      g[off + c] = g[off + c] / (float) Math.sqrt(Math.max(v, floor));
    }
  }

  private void fullStep(float[] p, float[] g, float[] v, float w, double rho, float decay,
      StepContext c, boolean apply) {
    float floor = eps1 * eps1;
    // Pass 1: V̂ ← lerp(V̂, G², w), U = G / √max(V̂, ε₁²) written over G, Σθ² and ΣU².
    double sumX = 0;
    double sumU = 0;
    for (int j = 0; j < g.length; j += FloatLanes.BLOCK) {
      int end = Math.min(g.length, j + FloatLanes.BLOCK);
      secondMomentAndDirection(g, v, j, end, w, floor);
      sumX += FloatLanes.sumOfSquares(p, j, end);
      sumU += FloatLanes.sumOfSquares(g, j, end);
    }
    double alpha = stepSize(sumX, p.length, rho, c);
    float step = (float) (alpha / Math.max(1, FactoredMoments.rms(sumU, p.length) / d));
    // Pass 2: Δθ = −γλ·θ − step·U.
    AdafactorKernels.directUpdate(p, g, null, 0, g.length, step, 0, decay, apply);
  }

  private static void secondMomentAndDirection(float[] g, float[] v, int from, int to, float w,
      float floor) {
    for (int j = from; j < to; j++) {
      float gj = g[j];
      float vj = v[j] + w * (gj * gj - v[j]);
      v[j] = vj;
      g[j] = gj / (float) Math.sqrt(Math.max(vj, floor));
    }
  }
}
