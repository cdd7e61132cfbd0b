package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.spec.Component;

/**
 * Adam with torch.optim.Adam's semantics (Kingma &amp; Ba 2015, Algorithm 1, as arranged in
 * torch/optim/adam.py's single-tensor path), and AdamW's (torch/optim/adamw.py, Loshchilov &amp;
 * Hutter 2019) when the decay is decoupled:
 *
 * <pre>
 *   g = g + weight_decay·p                       (Adam: L2, coupled)
 *   p = p·(1 − lr·weight_decay)                  (AdamW: decoupled, before the step)
 *   m = β1·m + (1 − β1)·g
 *   v = β2·v + (1 − β2)·g²
 *   v̂ = max(v̂, v) if amsgrad else v             (Reddi et al. 2018: maximum before correction)
 *   p = p − lr/(1 − β1ᵗ) · m / (√v̂ / √(1 − β2ᵗ) + ε)
 * </pre>
 *
 * DJL's built-in Adam adds ε to the uncorrected √v and folds √(1 − β2ᵗ) into the step size (the
 * paper's "ε̂" form of §2), which is a different optimizer whenever ε matters.
 */
public final class TorchAdam extends TorchOptimizer {

  // (1 − β) is rounded from the double, as the native library does: 1 − 0.999f in float
  // differs from 0.001f by 1.3e-5 relative.
  private final double beta1;
  private final double beta2;
  private final float eps;
  private final float weightDecay;
  private final boolean amsgrad;
  private final boolean decoupled;

  private TorchAdam(Builder builder) {
    super(builder);
    beta1 = builder.beta1;
    beta2 = builder.beta2;
    eps = builder.eps;
    weightDecay = builder.weightDecay;
    amsgrad = builder.amsgrad;
    decoupled = builder.decoupled;
  }

  /**
   * The engine optimizer of a resolved adam, adamw or amsgrad component.
   *
   * @param lr the learning rate per step (the schedule)
   */
  public static Optimizer create(Component o, Tracker lr) {
    return TorchAdam.builder().setLearningRateTracker(lr)
        .optBeta1(o.number("beta1"))
        .optBeta2(o.number("beta2"))
        .optEpsilon((float) o.number("eps"))
        .optWeightDecay((float) o.number("weight_decay"))
        .optAmsgrad(o.name().equals("amsgrad") || o.flag("amsgrad"))
        .optDecoupledWeightDecay(o.name().equals("adamw"))
        .build();
  }

  static Builder builder() {
    return new Builder();
  }

  @Override
  protected int stateArrays() {
    return amsgrad ? 3 : 2;
  }

  @Override
  protected int scratchArrays() {
    return 1;
  }

  @Override
  protected void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    NDArray m = state[0];
    NDArray v = state[1];
    NDArray t = scratch[0];
    NDArray g = grad;
    if (weightDecay != 0 && !decoupled) {
      copy(t, weight);
      g.addi(t.muli(scalar(weightDecay)));
    }
    copy(t, g);
    v.muli(scalar((float) beta2)).addi(t.muli(scalar((float) (1 - beta2))).muli(g));
    m.muli(scalar((float) beta1)).addi(g.muli(scalar((float) (1 - beta1))));
    NDArray second = v;
    if (amsgrad) {
      NDArray vMax = state[2];
      // In place: the state array keeps its handle, the maximum's storage takes its place (DJL
      // has no in-place maximum, so AMSGrad keeps this one temporary).
      vMax.intern(vMax.maximum(v));
      second = vMax;
    }
    double biasCorrection1 = 1 - Math.pow(beta1, step);
    double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
    try (NDArray denominator = second.sqrt()) {
      denominator.divi(stepScalar(0, (float) biasCorrection2Sqrt)).addi(scalar(eps));
      if (decoupled && weightDecay != 0) {
        weight.muli(stepScalar(1, 1 - lr * weightDecay));
      }
      copy(t, m);
      weight.subi(t.divi(denominator).muli(stepScalar(2, (float) (lr / biasCorrection1))));
    }
  }

  /** DJL-style builder; every setting has torch.optim.Adam's default. */
  static final class Builder extends TorchOptimizer.Builder<Builder> {
    Builder() {
      super(1e-3f);
    }

    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private float eps = 1e-8f;
    private float weightDecay;
    private boolean amsgrad;
    private boolean decoupled;

    Builder optBeta1(double value) {
      beta1 = value;
      return this;
    }

    Builder optBeta2(double value) {
      beta2 = value;
      return this;
    }

    Builder optEpsilon(float value) {
      eps = value;
      return this;
    }

    Builder optWeightDecay(float value) {
      weightDecay = value;
      return this;
    }

    Builder optAmsgrad(boolean value) {
      amsgrad = value;
      return this;
    }

    /** AdamW: weight decay as p·(1 − lr·λ) instead of an L2 term in the gradient. */
    Builder optDecoupledWeightDecay(boolean value) {
      decoupled = value;
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    TorchAdam build() {
      return new TorchAdam(this);
    }
  }
}
