package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.optbench.optim.StepContext;

/**
 * torch.nn.utils.clip_grad_value_: every element clamped into [−max_value, max_value], both
 * sides (DJL's {@code optClipGrad} on the PyTorch engine clamps only from above).
 */
final class ValueClipping implements GradientClipping {

  private final float maxValue;
  /** The threshold as the spec gives it (the float above rounds it). */
  private final double threshold;

  ValueClipping(double maxValue) {
    this.maxValue = (float) maxValue;
    this.threshold = maxValue;
  }

  @Override
  public double apply(List<NDArray> grads, List<NDArray> weights, double norm, StepContext c) {
    double after = 0;
    for (NDArray grad : grads) {
      NDArray clamped = grad.clip(-maxValue, maxValue);
      GradientClipping.overwrite(grad, clamped);
      after += GradientClipping.sumOfSquares(grad);
    }
    return Math.sqrt(after);
  }

  @Override
  public double threshold() {
    return threshold;
  }
}
