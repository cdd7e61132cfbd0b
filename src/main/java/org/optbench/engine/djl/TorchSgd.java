package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.spec.Component;

/**
 * SGD with torch.optim.SGD's semantics (torch/optim/sgd.py, single-tensor path):
 *
 * <pre>
 *   d = g + weight_decay·p
 *   b = d                               (first step)
 *   b = μ·b + (1 − dampening)·d         (later steps)
 *   d = d + μ·b  (nesterov)  or  d = b
 *   p = p − lr·d
 * </pre>
 *
 * DJL's built-in Sgd instead keeps v = μ·v + lr·g (MXNet's form, lr inside the buffer), which
 * differs as soon as the learning rate changes, and has no dampening or Nesterov.
 */
public final class TorchSgd extends TorchOptimizer {

  private final float momentum;
  private final double dampening;
  private final boolean nesterov;
  private final float weightDecay;

  private TorchSgd(Builder builder) {
    super(builder);
    momentum = builder.momentum;
    dampening = builder.dampening;
    nesterov = builder.nesterov;
    weightDecay = builder.weightDecay;
  }

  /**
   * The engine optimizer of a resolved sgd component.
   *
   * @param lr the learning rate per step (the schedule)
   */
  public static Optimizer create(Component o, Tracker lr) {
    return TorchSgd.builder().setLearningRateTracker(lr)
        .optMomentum((float) o.number("momentum"))
        .optDampening(o.number("dampening"))
        .optNesterov(o.flag("nesterov"))
        .optWeightDecay((float) o.number("weight_decay"))
        .build();
  }

  static Builder builder() {
    return new Builder();
  }

  @Override
  protected int stateArrays() {
    return momentum == 0 ? 0 : 1;
  }

  @Override
  protected int scratchArrays() {
    return momentum == 0 && weightDecay == 0 ? 0 : 1;
  }

  @Override
  protected void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    NDArray direction = grad;
    if (weightDecay != 0) { // plain SGD has no scratch array
      addScaledWeight(direction, weight, weightDecay, scratch[0]);
    }
    if (momentum != 0) {
      NDArray buffer = state[0];
      NDArray t = scratch[0];
      if (step == 1) {
        buffer.addi(direction);
      } else {
        copy(t, direction);
        buffer.muli(scalar(momentum)).addi(t.muli(scalar((float) (1 - dampening))));
      }
      copy(t, buffer);
      if (nesterov) {
        direction.addi(t.muli(scalar(momentum)));
      } else {
        direction = t;
      }
    }
    weight.subi(direction.muli(stepScalar(0, lr)));
  }

  /** DJL-style builder: {@code setLearningRateTracker} is required, the rest optional. */
  static final class Builder extends TorchOptimizer.Builder<Builder> {
    Builder() {
      super(1e-3f);
    }

    private float momentum;
    private double dampening;
    private boolean nesterov;
    private float weightDecay;

    Builder optMomentum(float value) {
      momentum = value;
      return this;
    }

    Builder optDampening(double value) {
      dampening = value;
      return this;
    }

    Builder optNesterov(boolean value) {
      nesterov = value;
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

    TorchSgd build() {
      return new TorchSgd(this);
    }
  }
}
