package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;

/**
 * Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms", Algorithm 2) with
 * decoupled weight decay:
 *
 * <pre>
 *   u = sign(β1·m + (1 − β1)·g)
 *   m = β2·m + (1 − β2)·g
 *   p = p − lr·(u + λ·p)
 * </pre>
 */
final class TorchLion extends TorchOptimizer {

  private final float beta1;
  private final float beta2;
  private final float weightDecay;

  private TorchLion(Builder builder) {
    super(builder);
    beta1 = builder.beta1;
    beta2 = builder.beta2;
    weightDecay = builder.weightDecay;
  }

  static Builder builder() {
    return new Builder();
  }

  @Override
  protected int stateArrays() {
    return 1;
  }

  @Override
  protected void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state) {
    NDArray m = state[0];
    NDArray direction = m.mul(beta1).add(grad.mul(1 - beta1)).sign();
    m.muli(beta2).addi(grad.mul(1 - beta2));
    if (weightDecay != 0) {
      direction = direction.add(weight.mul(weightDecay));
    }
    weight.subi(direction.mul(lr));
  }

  /** DJL-style builder with the paper's defaults. */
  static final class Builder extends TorchOptimizer.Builder<Builder> {
    Builder() {
      super(1e-4f);
    }

    private float beta1 = 0.9f;
    private float beta2 = 0.99f;
    private float weightDecay;

    Builder optBeta1(float value) {
      beta1 = value;
      return this;
    }

    Builder optBeta2(float value) {
      beta2 = value;
      return this;
    }

    Builder optWeightDecay(float value) {
      weightDecay = value;
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    TorchLion build() {
      return new TorchLion(this);
    }
  }
}
