package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.optim.alias.NativeOptimizers;
import org.optbench.optim.transform.SecondMomentDecay;
import org.optbench.spec.Component;

/**
 * Adafactor (Shazeer &amp; Stern 2018, Algorithms 4–5) as transformers.optimization.Adafactor
 * computes it; the native {@code ScaleByAdafactor} lists every departure from the paper.
 *
 * <pre>
 *   β̂2ₜ = 1 − t^decay_rate, or bias-corrected constant β2 ({@link SecondMomentDecay})
 *   ρₜ  = relative_step ? min(warmup_init ? 10⁻⁶·t : 10⁻², 1/√t)·lr : lr   (lr = schedule factor
 *         when relative_step, so that a schedule still applies)
 *   αₜ  = (scale_parameter ? max(ε₂, RMS(p)) : 1)·ρₜ
 *   rank ≥ 2: R = β̂2ₜR + (1 − β̂2ₜ)·mean_cols(g² + ε₁), C = β̂2ₜC + (1 − β̂2ₜ)·mean_rows(g² + ε₁),
 *             U = g / √(R·C / mean(R))
 *   else:     V = β̂2ₜV + (1 − β̂2ₜ)·(g² + ε₁),  U = g / √V
 *   Û = αₜ·U / max(1, RMS(U)/clip_threshold);  with β1: M = β1·M + (1 − β1)·Û, Û = M
 *   p = p − Û − weight_decay·αₜ·p
 * </pre>
 */
public final class HfAdafactor extends FactoredOptimizer {

  private final float eps1;
  private final double eps2;
  private final double clipThreshold;
  private final SecondMomentDecay decay;
  private final Float beta1;
  private final double weightDecay;
  private final boolean scaleParameter;
  private final boolean relativeStep;
  private final boolean warmupInit;
  private final boolean factored;

  private HfAdafactor(Builder b) {
    super(b);
    eps1 = b.eps1;
    eps2 = b.eps2;
    clipThreshold = b.clipThreshold;
    decay = b.decay;
    beta1 = b.beta1;
    weightDecay = b.weightDecay;
    scaleParameter = b.scaleParameter;
    relativeStep = b.relativeStep;
    warmupInit = b.warmupInit;
    factored = b.factored;
  }

  /**
   * The engine optimizer of a resolved adafactor component.
   *
   * @param lr the learning rate per step (the schedule)
   */
  public static Optimizer create(Component o, Tracker lr) {
    return HfAdafactor.builder().setLearningRateTracker(lr)
        .optEps(o.number("eps1"), o.number("eps2"))
        .optClipThreshold(NativeOptimizers.updateClipThreshold(o))
        .optDecay(NativeOptimizers.secondMomentDecay(o))
        .optBeta1(o.optionalNumber("beta1"))
        .optWeightDecay(o.number("weight_decay"))
        .optScaleParameter(o.flag("scale_parameter"))
        .optRelativeStep(o.flag("relative_step"))
        .optWarmupInit(o.flag("warmup_init"))
        .optFactored(o.flag("factored"))
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
    return FactoredState.create(manager, weight, beta1 != null, factored);
  }

  /**
   * In place, on the gradient (which becomes U, then the update) and on the scratch, in the same
   * float32 operations as the formula above. The factored path makes no weight-sized temporary
   * (the row and column factors are row- and column-sized); the unfactored one makes √V (DJL's
   * PyTorch engine has no in-place √).
   */
  @Override
  protected void apply(int t, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    NDArray work = scratch[0];
    NDArray wide = scratch[1];
    double rho = relativeStep ? Math.min(warmupInit ? 1e-6 * t : 1e-2, 1 / Math.sqrt(t)) * lr : lr;
    float b = (float) decay.at(t);
    double alpha = (scaleParameter ? Math.max(eps2, FactoredState.rms(weight, wide)) : 1)
        * rho;
    recordStepSize(t, alpha, weight);
    // g² + ε₁: x·x rounds once, as square() does.
    copy(work, grad);
    work.muli(grad).addi(scalar(eps1));
    if (factored && FactoredState.factored(weight)) {
      divideByFactors(weight, grad, work, state[0], state[1], b);
    } else {
      NDArray v = state[0];
      v.muli(stepScalar(0, b)).addi(work.muli(stepScalar(1, 1 - b)));
      try (NDArray root = v.sqrt()) {
        grad.divi(root);
      }
    }
    float scale =
        (float) (alpha / Math.max(1, FactoredState.rms(grad, wide) / clipThreshold));
    NDArray update = grad.muli(stepScalar(2, scale));
    if (beta1 != null) {
      NDArray m = state[state.length - 1];
      m.muli(stepScalar(3, beta1)).addi(update.muli(stepScalar(4, 1 - beta1)));
      update = m;
    }
    float decay = (float) (weightDecay * alpha);
    if (decay != 0) {
      // update + λαₜ·p, in the scratch: the sum is the same either way round.
      copy(work, weight);
      update = work.muli(stepScalar(5, decay)).addi(update);
    }
    weight.subi(update);
  }

  /**
   * R and C from g² + ε₁ (in {@code work}), then U = g / √(R / mean(R)) / √C on the gradient's
   * (B, n, m) view.
   */
  private void divideByFactors(NDArray weight, NDArray grad, NDArray work, NDArray rows,
      NDArray cols, float b) {
    Shape bnm = FactoredState.matrices(weight);
    try (NDArray squares = work.reshape(bnm);
        NDArray rowMeans = squares.mean(new int[] {2});
        NDArray colMeans = squares.mean(new int[] {1})) {
      rows.muli(stepScalar(0, b)).addi(rowMeans.muli(stepScalar(1, 1 - b)));
      cols.muli(stepScalar(0, b)).addi(colMeans.muli(stepScalar(1, 1 - b)));
    }
    try (NDArray meanOfRows = rows.mean(new int[] {1}, true);
        NDArray relativeRows = rows.div(meanOfRows);
        NDArray rowRoot = relativeRows.sqrt();
        NDArray rowFactor = rowRoot.expandDims(2);
        NDArray colRoot = cols.sqrt();
        NDArray colFactor = colRoot.expandDims(1);
        NDArray matrices = grad.reshape(bnm)) {
      matrices.divi(rowFactor).divi(colFactor);
    }
  }

  /** DJL-style builder with transformers' defaults (relative step, no lr). */
  static final class Builder extends TorchOptimizer.Builder<Builder> {
    Builder() {
      super(1f);
    }

    private float eps1 = 1e-30f;
    private double eps2 = 1e-3;
    private double clipThreshold = 1.0;
    private SecondMomentDecay decay = SecondMomentDecay.increasing(-0.8);
    private Float beta1;
    private double weightDecay;
    private boolean scaleParameter = true;
    private boolean relativeStep = true;
    private boolean warmupInit;
    private boolean factored = true;

    /** false keeps a full second moment for every tensor (the paper's unfactored ablation). */
    Builder optFactored(boolean value) {
      factored = value;
      return this;
    }

    Builder optEps(double eps1, double eps2) {
      this.eps1 = (float) eps1;
      this.eps2 = eps2;
      return this;
    }

    Builder optClipThreshold(double value) {
      clipThreshold = value;
      return this;
    }

    Builder optDecay(SecondMomentDecay value) {
      decay = value;
      return this;
    }

    /** First-moment decay; null for none. */
    Builder optBeta1(Double value) {
      beta1 = value == null ? null : value.floatValue();
      return this;
    }

    Builder optWeightDecay(double value) {
      weightDecay = value;
      return this;
    }

    Builder optScaleParameter(boolean value) {
      scaleParameter = value;
      return this;
    }

    Builder optRelativeStep(boolean value) {
      relativeStep = value;
      return this;
    }

    Builder optWarmupInit(boolean value) {
      warmupInit = value;
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    HfAdafactor build() {
      return new HfAdafactor(this);
    }
  }
}
