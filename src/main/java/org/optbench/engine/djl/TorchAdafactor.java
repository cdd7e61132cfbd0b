package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.spec.Component;

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
public final class TorchAdafactor extends FactoredOptimizer {

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

  /**
   * The engine optimizer of a resolved adafactor_torch component.
   *
   * @param lr the learning rate per step (the schedule)
   */
  public static Optimizer create(Component o, Tracker lr) {
    return TorchAdafactor.builder().setLearningRateTracker(lr)
        .optBeta2Decay(o.number("beta2_decay"))
        .optEps(o.optionalNumber("eps1"), o.number("eps2"))
        .optD(o.number("d"))
        .optWeightDecay(o.number("weight_decay"))
        .build();
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

  /**
   * In place, on the gradient (which becomes U, then αₜ·Û) and on the scratch, in the same
   * float32 operations as the formula above. Weight-sized temporaries: the floor's maximum and
   * √ (DJL's PyTorch engine has neither in place); the row and column statistics are row- and
   * column-sized.
   */
  @Override
  protected void apply(int t, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    NDArray work = scratch[0];
    NDArray wide = scratch[1];
    float w = (float) Math.pow(t, beta2Decay);
    double rho = Math.min(lr, 1 / Math.sqrt(t));
    double alpha = Math.max(eps2, FactoredState.rms(weight, wide)) * rho;
    recordStepSize(t, alpha, weight);
    float floor = eps1 * eps1;
    // g²: x·x rounds once, as square() does.
    copy(work, grad);
    work.muli(grad);
    NDArray variance;
    if (FactoredState.factored(weight)) {
      secondMomentFactored(weight, work, state[0], state[1], w);
      variance = work;
    } else {
      variance = state[0];
      variance.addi(work.subi(variance).muli(stepScalar(0, w)));
    }
    try (NDArray floored = variance.maximum(scalar(floor));
        NDArray root = floored.sqrt()) {
      grad.divi(root);
    }
    float step = (float) (alpha / Math.max(1, FactoredState.rms(grad, wide) / d));
    float decay = (float) (lr * weightDecay);
    if (decay != 0) {
      weight.muli(stepScalar(1, 1 - decay));
    }
    weight.subi(grad.muli(stepScalar(2, step)));
  }

  /**
   * R and C from g² (in {@code work}), then V̂ = R·C / max(mean(R), ε₁) written over
   * {@code work}: copying R broadcast over work first, so that the product rounds as R·C did.
   */
  private void secondMomentFactored(NDArray weight, NDArray work, NDArray rows, NDArray cols,
      float w) {
    try (NDArray squares = work.reshape(FactoredState.matrices(weight));
        NDArray colMeans = squares.mean(new int[] {1});
        NDArray rowMeans = squares.mean(new int[] {2})) {
      cols.muli(stepScalar(0, 1 - w)).addi(colMeans.muli(stepScalar(1, w)));
      rows.addi(rowMeans.subi(rows).muli(stepScalar(1, w)));
      try (NDArray rowMean = rows.mean(new int[] {1}, true);
          NDArray floored = rowMean.maximum(scalar(eps1));
          NDArray rowColumn = rows.expandDims(2);
          NDArray columnRow = cols.expandDims(1);
          NDArray divisor = floored.expandDims(2)) {
        copy(squares, rowColumn);
        squares.muli(columnRow).divi(divisor);
      }
    }
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
