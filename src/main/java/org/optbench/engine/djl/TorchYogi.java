package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.spec.Component;

/**
 * Yogi (Zaheer et al. 2018, Algorithm 2) with Adam's bias corrections and v₀ = 0, as d2l.ai
 * §12.10.3 and the native {@code ScaleByYogi}:
 *
 * <pre>
 *   m = β1·m + (1 − β1)·g
 *   v = v + (1 − β2)·sign(g² − v)·g²
 *   p = p − lr · (m / (1 − β1ᵗ)) / (√(v / (1 − β2ᵗ)) + ε)
 * </pre>
 */
public final class TorchYogi extends TorchOptimizer {

  private final double beta1;
  private final double beta2;
  private final float eps;

  private TorchYogi(Builder builder) {
    super(builder);
    beta1 = builder.beta1;
    beta2 = builder.beta2;
    eps = builder.eps;
  }

  /**
   * The engine optimizer of a resolved yogi component.
   *
   * @param lr the learning rate per step (the schedule)
   */
  public static Optimizer create(Component o, Tracker lr) {
    return TorchYogi.builder().setLearningRateTracker(lr)
        .optBeta1(o.number("beta1"))
        .optBeta2(o.number("beta2"))
        .optEpsilon((float) o.number("eps"))
        .build();
  }

  static Builder builder() {
    return new Builder();
  }

  @Override
  protected int stateArrays() {
    return 2;
  }

  @Override
  protected int scratchArrays() {
    return 2;
  }

  @Override
  protected void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    NDArray m = state[0];
    NDArray v = state[1];
    NDArray g2 = scratch[0];
    NDArray t = scratch[1];
    // g·g in place: torch's square is pow(g, 2), which its kernel computes as g·g.
    copy(g2, grad);
    g2.muli(grad);
    copy(t, g2);
    v.addi(t.subi(v).signi().muli(scalar((float) (1 - beta2))).muli(g2));
    m.muli(scalar((float) beta1)).addi(grad.muli(scalar((float) (1 - beta1))));
    float invBc1 = (float) (1 / (1 - Math.pow(beta1, step)));
    float invBc2 = (float) (1 / (1 - Math.pow(beta2, step)));
    copy(t, v);
    try (NDArray denominator = t.muli(stepScalar(0, invBc2)).sqrt()) {
      denominator.addi(scalar(eps));
      copy(t, m);
      weight.subi(t.muli(stepScalar(1, invBc1)).divi(denominator).muli(stepScalar(2, lr)));
    }
  }

  /** DJL-style builder with the catalogue's defaults (d2l.ai's). */
  static final class Builder extends TorchOptimizer.Builder<Builder> {
    Builder() {
      super(1e-2f);
    }

    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private float eps = 1e-3f;

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

    @Override
    protected Builder self() {
      return this;
    }

    TorchYogi build() {
      return new TorchYogi(this);
    }
  }
}
