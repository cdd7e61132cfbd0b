package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Adafactor as torch.optim.Adafactor (PyTorch 2.5+, torch/optim/_adafactor.py) computes it; the
 * native {@code ScaleByAdafactorTorch} lists its departures from the paper.
 *
 * <pre>
 *   β̂2ₜ = 1 − t^beta2_decay    ρₜ = min(lr, 1/√t)    αₜ = max(ε₂, RMS(p))·ρₜ    w = 1 − β̂2ₜ
 *   rank ≥ 2: R = lerp(R, mean_cols(g²), w), C = lerp(C, mean_rows(g²), w),
 *             V̂ = R·C / max(mean(R), ε₁)
 *   else:     V̂ = lerp(V̂, g², w)
 *   U = g / max(√V̂, ε₁),  Û = U / max(1, RMS(U)/d)
 *   p = p·(1 − lr·λ) − αₜ·Û
 * </pre>
 */
final class TorchAdafactor extends TorchOptimizer {

  /** torch.finfo(torch.float32).eps, torch's default ε₁. */
  static final double FLOAT32_EPS = Math.ulp(1.0f);

  private final double beta2Decay;
  private final float eps1;
  private final double eps2;
  private final double d;
  private final double weightDecay;

  private TorchAdafactor(Builder b) {
    super(b);
    beta2Decay = b.beta2Decay;
    eps1 = (float) b.eps1;
    eps2 = b.eps2;
    d = b.d;
    weightDecay = b.weightDecay;
  }

  static Builder builder() {
    return new Builder();
  }

  @Override
  protected int stateArrays() {
    throw new UnsupportedOperationException("Adafactor's state is shaped by newState");
  }

  @Override
  protected NDArray[] newState(NDManager manager, NDArray weight) {
    return FactoredState.create(manager, weight, false, true);
  }

  @Override
  protected int scratchArrays() {
    return 0;
  }

  @Override
  protected void apply(int t, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    float w = (float) Math.pow(t, beta2Decay);
    double rho = Math.min(lr, 1 / Math.sqrt(t));
    double alpha = Math.max(eps2, FactoredState.rms(weight)) * rho;
    recordStepSize(t, alpha, weight);
    float floor = eps1 * eps1;
    NDArray g2 = grad.square();
    NDArray variance;
    if (FactoredState.factored(weight)) {
      Shape bnm = FactoredState.matrices(weight);
      NDArray squares = g2.reshape(bnm);
      NDArray rows = state[0];
      NDArray cols = state[1];
      cols.muli(1 - w).addi(squares.mean(new int[] {1}).mul(w));
      rows.addi(squares.mean(new int[] {2}).sub(rows).mul(w));
      NDArray rowMean = rows.mean(new int[] {1}, true).maximum(eps1);
      variance = rows.expandDims(2).mul(cols.expandDims(1)).div(rowMean.expandDims(2))
          .reshape(weight.getShape());
    } else {
      variance = state[0];
      variance.addi(g2.sub(variance).mul(w));
    }
    NDArray u = grad.div(variance.maximum(floor).sqrt());
    float step = (float) (alpha / Math.max(1, FactoredState.rms(u) / d));
    float decay = (float) (lr * weightDecay);
    if (decay != 0) {
      weight.muli(1 - decay);
    }
    weight.subi(u.mul(step));
  }

  /** DJL-style builder with torch.optim.Adafactor's defaults. */
  static final class Builder extends TorchOptimizer.Builder<Builder> {
    Builder() {
      super(1e-2f);
    }

    private double beta2Decay = -0.8;
    private double eps1 = FLOAT32_EPS;
    private double eps2 = 1e-3;
    private double d = 1.0;
    private double weightDecay;

    Builder optBeta2Decay(double value) {
      beta2Decay = value;
      return this;
    }

    /** ε₁ (null: float32 machine epsilon) and ε₂. */
    Builder optEps(Double eps1, double eps2) {
      this.eps1 = eps1 == null ? FLOAT32_EPS : eps1;
      this.eps2 = eps2;
      return this;
    }

    Builder optD(double value) {
      d = value;
      return this;
    }

    Builder optWeightDecay(double value) {
      weightDecay = value;
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    TorchAdafactor build() {
      return new TorchAdafactor(this);
    }
  }
}
