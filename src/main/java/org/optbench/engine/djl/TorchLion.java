package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.spec.Component;

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
public final class TorchLion extends TorchOptimizer {

  private final float beta1;
  private final float beta2;
  private final float weightDecay;

  private TorchLion(Builder builder) {
    super(builder);
    beta1 = builder.beta1;
    beta2 = builder.beta2;
    weightDecay = builder.weightDecay;
  }

  /**
   * The engine optimizer of a resolved lion component.
   *
   * @param lr the learning rate per step (the schedule)
   */
  public static Optimizer create(Component o, Tracker lr) {
    return TorchLion.builder().setLearningRateTracker(lr)
        .optBeta1((float) o.number("beta1"))
        .optBeta2((float) o.number("beta2"))
        .optWeightDecay((float) o.number("weight_decay"))
        .build();
  }

  static Builder builder() {
    return new Builder();
  }

  @Override
  protected int stateArrays() {
    return 1;
  }

  @Override
  protected int scratchArrays() {
    return 2;
  }

  @Override
  protected void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    NDArray m = state[0];
    NDArray direction = scratch[0];
    NDArray t = scratch[1];
    copy(direction, m);
    copy(t, grad);
    direction.muli(scalar(beta1)).addi(t.muli(scalar(1 - beta1))).signi();
    m.muli(scalar(beta2)).addi(grad.muli(scalar(1 - beta2)));
    addScaledWeight(direction, weight, weightDecay, t);
    weight.subi(direction.muli(stepScalar(0, lr)));
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
