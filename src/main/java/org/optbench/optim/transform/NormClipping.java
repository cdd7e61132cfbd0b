package org.optbench.optim.transform;

import org.optbench.optim.ClipReport;
import org.optbench.optim.ParamTree;
import org.optbench.optim.TreeMath;

/** The rescaling step every global-norm method shares. */
final class NormClipping {

  /** torch.nn.utils.clip_grad_norm_ adds this to the norm before dividing. */
  static final double TORCH_NORM_EPS = 1e-6;

  private NormClipping() {}

  /**
   * torch.nn.utils.clip_grad_norm_: {@code coef = threshold / (norm + 1e-6)}; if it is below 1,
   * every gradient is multiplied by it. Records the step in {@code report}.
   */
  static void clipToNorm(ParamTree grads, double norm, double threshold, ClipReport report) {
    double coef = threshold / (norm + TORCH_NORM_EPS);
    if (coef < 1) {
      TreeMath.scale(grads, (float) coef);
      report.set(norm, norm * coef, true, threshold);
    } else {
      report.set(norm, norm, false, threshold);
    }
  }

  /**
   * The ZClip authors' variant: rescale only when {@code norm > threshold}, by
   * {@code threshold / (norm + 1e-6)}. Needed where the threshold may equal the norm itself, which
   * the torch rule would shrink by a factor of 1 − 1e-6/norm.
   */
  static void clipIfAbove(ParamTree grads, double norm, double threshold, ClipReport report) {
    if (norm > threshold) {
      double coef = threshold / (norm + TORCH_NORM_EPS);
      TreeMath.scale(grads, (float) coef);
      report.set(norm, norm * coef, true, threshold);
    } else {
      report.set(norm, norm, false, threshold);
    }
  }
}
