package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.TreeMath;

/**
 * torch.nn.utils.clip_grad_norm_ called on each tensor by itself: tensor i is multiplied by
 * {@code max_norm / (‖gᵢ‖ + 1e-6)} when that is below 1. Large layers no longer shrink the
 * gradients of small ones, as they do under global-norm clipping.
 */
public final class ClipByParamNorm implements GradientTransform {

  private final double maxNorm;

  private ClipByParamNorm(double maxNorm) {
    this.maxNorm = maxNorm;
  }

  public static GradientTransform clipByParamNorm(double maxNorm) {
    return new ClipByParamNorm(maxNorm);
  }

  @Override
  public TransformState init(ParamTree params) {
    return new ClipState();
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    double before = 0;
    double after = 0;
    boolean clipped = false;
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      double squares = TreeMath.sumOfSquares(g);
      double norm = Math.sqrt(squares);
      double coef = maxNorm / (norm + NormClipping.TORCH_NORM_EPS);
      before += squares;
      if (coef < 1) {
        float f = (float) coef;
        for (int j = 0; j < g.length; j++) {
          g[j] *= f;
        }
        clipped = true;
        after += squares * coef * coef;
      } else {
        after += squares;
      }
    }
    ((ClipState) state).report().set(Math.sqrt(before), Math.sqrt(after), clipped, maxNorm);
    return updates;
  }
}
