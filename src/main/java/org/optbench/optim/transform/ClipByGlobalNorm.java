package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.TreeMath;

/**
 * torch.nn.utils.clip_grad_norm_ over all tensors together (Pascanu et al. 2013): when the joint
 * L2 norm ‖g‖ exceeds max_norm, every gradient is multiplied by {@code max_norm / (‖g‖ + 1e-6)}.
 * The direction is kept; only the length changes.
 */
public final class ClipByGlobalNorm implements GradientTransform {

  private final double maxNorm;

  private ClipByGlobalNorm(double maxNorm) {
    this.maxNorm = maxNorm;
  }

  public static GradientTransform clipByGlobalNorm(double maxNorm) {
    return new ClipByGlobalNorm(maxNorm);
  }

  @Override
  public TransformState init(ParamTree params) {
    return new ClipState();
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    NormClipping.clipToNorm(
        updates, TreeMath.globalNorm(updates), maxNorm, ((ClipState) state).report());
    return updates;
  }
}
