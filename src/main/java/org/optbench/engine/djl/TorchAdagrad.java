package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.spec.Component;

/**
 * AdaGrad with torch.optim.Adagrad's semantics (Duchi et al. 2011; torch/optim/adagrad.py,
 * single-tensor path). DJL's PyTorch engine throws on its own Adagrad.
 *
 * <pre>
 *   g = g + weight_decay·p
 *   s = s + g²                                   (s₀ = initial_accumulator_value)
 *   p = p − lr / (1 + (t − 1)·lr_decay) · g / (√s + ε)
 * </pre>
 */
public final class TorchAdagrad extends TorchOptimizer {

  private final float lrDecay;
  private final float eps;
  private final float initialAccumulator;
  private final float weightDecay;

  private TorchAdagrad(Builder builder) {
    super(builder);
    lrDecay = builder.lrDecay;
    eps = builder.eps;
    initialAccumulator = builder.initialAccumulator;
    weightDecay = builder.weightDecay;
  }

  /**
   * The engine optimizer of a resolved adagrad component.
   *
   * @param lr the learning rate per step (the schedule)
   */
  public static Optimizer create(Component o, Tracker lr) {
    return TorchAdagrad.builder().setLearningRateTracker(lr)
        .optLrDecay((float) o.number("lr_decay"))
        .optEpsilon((float) o.number("eps"))
        .optInitialAccumulatorValue((float) o.number("initial_accumulator_value"))
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
  protected NDArray[] newState(NDManager manager, NDArray weight) {
    return new NDArray[] {manager.full(weight.getShape(), initialAccumulator, weight.getDataType())};
  }

  @Override
  protected int scratchArrays() {
    return 1;
  }

  @Override
  protected void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    NDArray t = scratch[0];
    NDArray g = grad;
    addScaledWeight(g, weight, weightDecay, t);
    NDArray sum = state[0];
    // g·g in place: torch's square is pow(g, 2), which its kernel computes as g·g.
    copy(t, g);
    sum.addi(t.muli(g));
    float clr = (float) (lr / (1 + (step - 1) * (double) lrDecay));
    try (NDArray denominator = sum.sqrt()) {
      weight.subi(g.divi(denominator.addi(scalar(eps))).muli(stepScalar(0, clr)));
    }
  }

  /** DJL-style builder; every setting has torch.optim.Adagrad's default. */
  static final class Builder extends TorchOptimizer.Builder<Builder> {
    Builder() {
      super(1e-2f);
    }

    private float lrDecay;
    private float eps = 1e-10f;
    private float initialAccumulator;
    private float weightDecay;

    Builder optLrDecay(float value) {
      lrDecay = value;
      return this;
    }

    Builder optEpsilon(float value) {
      eps = value;
      return this;
    }

    Builder optInitialAccumulatorValue(float value) {
      initialAccumulator = value;
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

    TorchAdagrad build() {
      return new TorchAdagrad(this);
    }
  }
}
