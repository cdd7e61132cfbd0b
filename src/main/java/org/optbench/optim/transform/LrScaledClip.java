package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.TreeMath;

/**
 * Global-norm clipping whose threshold follows the learning rate: {@code τ = c·lrₜ}, with lrₜ the
 * scheduled rate of this step. During warm-up and decay the allowed gradient norm moves with the
 * step size, so the step length {@code lr·‖g‖} is bounded by {@code c·lr²}.
 */
public final class LrScaledClip implements GradientTransform {

  private final double c;

  private LrScaledClip(double c) {
    this.c = c;
  }

  public static GradientTransform lrScaledClip(double c) {
    return new LrScaledClip(c);
  }

  @Override
  public TransformState init(ParamTree params) {
    return new ClipState();
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext ctx) {
    NormClipping.clipToNorm(
        updates, TreeMath.globalNorm(updates), c * ctx.lr(), ((ClipState) state).report());
    return updates;
  }
}
