package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.optbench.optim.StepContext;
import org.optbench.spec.Component;

/**
 * torch.nn.utils.clip_grad_value_: every element clamped into [−max_value, max_value], both
 * sides (DJL's {@code optClipGrad} on the PyTorch engine clamps only from above).
 */
public final class ValueClipping implements GradientClipping {

  private final float maxValue;
  /** The threshold as the spec gives it (the float above rounds it). */
  private final double threshold;

  /** The engine clipping of a resolved value component. */
  public static GradientClipping create(Component clip) {
    return new ValueClipping(clip.number("max_value"));
  }

  ValueClipping(double maxValue) {
    this.maxValue = (float) maxValue;
    this.threshold = maxValue;
  }

  /**
   * A tensor already inside [−max_value, max_value] (its max and min, two reductions, say so) is
   * left as it is, which is what the clamp would leave; otherwise the clamp's result, one
   * temporary (DJL's PyTorch engine has no in-place clamp), is written back over the view.
   */
  @Override
  public double apply(List<NDArray> grads, List<NDArray> weights, double norm, StepContext c) {
    double after = 0;
    for (NDArray grad : grads) {
      if (!withinRange(grad)) {
        try (NDArray clamped = grad.clip(-maxValue, maxValue)) {
          GradientClipping.overwrite(grad, clamped);
        }
      }
      after += GradientClipping.sumOfSquares(grad);
    }
    return Math.sqrt(after);
  }

  /** Whether every element is in range; false for NaN, which max() and min() propagate. */
  private boolean withinRange(NDArray grad) {
    if (grad.getShape().size() == 0) {
      return true;
    }
    try (NDArray max = grad.max();
        NDArray min = grad.min()) {
      return max.getFloat() <= maxValue && min.getFloat() >= -maxValue;
    }
  }

  @Override
  public double threshold() {
    return threshold;
  }
}
