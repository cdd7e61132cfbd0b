package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.optbench.spec.Component;

/**
 * RMSprop with torch.optim.RMSprop's semantics (Tieleman &amp; Hinton 2012; centered form of
 * Graves 2013, eq. 38–40; torch/optim/rmsprop.py). DJL's PyTorch engine throws on its own
 * RmsProp. ε sits outside the root, as in torch.
 *
 * <pre>
 *   g = g + weight_decay·p
 *   s = α·s + (1 − α)·g²
 *   centered: ḡ = α·ḡ + (1 − α)·g,  d = √(s − ḡ²) + ε;   else d = √s + ε
 *   momentum: b = μ·b + g/d,  p = p − lr·b;                else p = p − lr·g/d
 * </pre>
 *
 * State arrays, in the native library's order: s, then ḡ if centered, then b if momentum.
 */
public final class TorchRmsProp extends TorchOptimizer {

  private final float alpha;
  private final float eps;
  private final float momentum;
  private final boolean centered;
  private final float weightDecay;

  private TorchRmsProp(Builder builder) {
    super(builder);
    alpha = builder.alpha;
    eps = builder.eps;
    momentum = builder.momentum;
    centered = builder.centered;
    weightDecay = builder.weightDecay;
  }

  /**
   * The engine optimizer of a resolved rmsprop component.
   *
   * @param lr the learning rate per step (the schedule)
   */
  public static Optimizer create(Component o, Tracker lr) {
    return TorchRmsProp.builder().setLearningRateTracker(lr)
        .optAlpha((float) o.number("alpha"))
        .optEpsilon((float) o.number("eps"))
        .optMomentum((float) o.number("momentum"))
        .optCentered(o.flag("centered"))
        .optWeightDecay((float) o.number("weight_decay"))
        .build();
  }

  static Builder builder() {
    return new Builder();
  }

  @Override
  protected int stateArrays() {
    return 1 + (centered ? 1 : 0) + (momentum > 0 ? 1 : 0);
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
    NDArray square = state[0];
    // g·g in place: torch's square is pow(g, 2), which its kernel computes as g·g.
    copy(t, g);
    square.muli(scalar(alpha)).addi(t.muli(g).muli(scalar(1 - alpha)));
    try (NDArray denominator = denominator(g, t, state)) {
      NDArray rate = stepScalar(0, lr);
      if (momentum > 0) {
        NDArray buffer = state[centered ? 2 : 1];
        buffer.muli(scalar(momentum)).addi(g.divi(denominator));
        copy(t, buffer);
        weight.subi(t.muli(rate));
      } else {
        weight.subi(g.divi(denominator).muli(rate));
      }
    }
  }

  /**
   * Moves the centered average E[g] (when centered) and returns √(E[g²] − E[g]²) + ε, else
   * √E[g²] + ε: a new array, closed by the caller.
   */
  private NDArray denominator(NDArray g, NDArray t, NDArray[] state) {
    NDArray square = state[0];
    if (centered) {
      NDArray average = state[1];
      copy(t, g);
      average.muli(scalar(alpha)).addi(t.muli(scalar(1 - alpha)));
      // square − average², as −average² + square (IEEE subtraction is addition of the negation).
      copy(t, average);
      return t.muli(average).negi().addi(square).sqrt().addi(scalar(eps));
    }
    return square.sqrt().addi(scalar(eps));
  }

  /** DJL-style builder; every setting has torch.optim.RMSprop's default. */
  static final class Builder extends TorchOptimizer.Builder<Builder> {
    Builder() {
      super(1e-2f);
    }

    private float alpha = 0.99f;
    private float eps = 1e-8f;
    private float momentum;
    private boolean centered;
    private float weightDecay;

    Builder optAlpha(float value) {
      alpha = value;
      return this;
    }

    Builder optEpsilon(float value) {
      eps = value;
      return this;
    }

    Builder optMomentum(float value) {
      momentum = value;
      return this;
    }

    Builder optCentered(boolean value) {
      centered = value;
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

    TorchRmsProp build() {
      return new TorchRmsProp(this);
    }
  }
}
