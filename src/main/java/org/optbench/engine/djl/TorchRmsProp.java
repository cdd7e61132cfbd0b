package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;

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
final class TorchRmsProp extends TorchOptimizer {

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

  static Builder builder() {
    return new Builder();
  }

  @Override
  protected int stateArrays() {
    return 1 + (centered ? 1 : 0) + (momentum > 0 ? 1 : 0);
  }

  @Override
  protected void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state) {
    NDArray g = weightDecay == 0 ? grad : grad.add(weight.mul(weightDecay));
    NDArray square = state[0];
    square.muli(alpha).addi(g.square().mul(1 - alpha));
    NDArray denominator;
    if (centered) {
      NDArray average = state[1];
      average.muli(alpha).addi(g.mul(1 - alpha));
      denominator = square.sub(average.square()).sqrt().add(eps);
    } else {
      denominator = square.sqrt().add(eps);
    }
    if (momentum > 0) {
      NDArray buffer = state[centered ? 2 : 1];
      buffer.muli(momentum).addi(g.div(denominator));
      weight.subi(buffer.mul(lr));
    } else {
      weight.subi(g.div(denominator).mul(lr));
    }
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
