package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.optbench.optim.StepContext;
import org.optbench.spec.Component;

/**
 * torch.nn.utils.clip_grad_norm_ called on each tensor alone: tensor i is multiplied by
 * max_norm / (‖gᵢ‖ + 1e-6) when that is below 1.
 */
public final class ParamNormClipping implements GradientClipping {

  private final double maxNorm;

  /** The engine clipping of a resolved param_norm component. */
  public static GradientClipping create(Component clip) {
    return new ParamNormClipping(clip.number("max_norm"));
  }

  ParamNormClipping(double maxNorm) {
    this.maxNorm = maxNorm;
  }

  @Override
  public double apply(List<NDArray> grads, List<NDArray> weights, double norm, StepContext c) {
    double after = 0;
    for (NDArray grad : grads) {
      double squares = GradientClipping.sumOfSquares(grad);
      double coefficient = maxNorm / (Math.sqrt(squares) + GlobalNormClipping.GUARD);
      if (coefficient < 1) {
        grad.muli((float) coefficient);
        after += squares * coefficient * coefficient;
      } else {
        after += squares;
      }
    }
    return Math.sqrt(after);
  }

  @Override
  public double threshold() {
    return maxNorm;
  }
}
