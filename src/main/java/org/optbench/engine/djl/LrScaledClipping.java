package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.optbench.optim.StepContext;
import org.optbench.spec.Component;

/** optbench's lr-scaled clipping: clip_grad_norm_ at τ = c·lrₜ, lrₜ the step's scheduled rate. */
public final class LrScaledClipping implements GradientClipping {

  private final double c;
  private double threshold = Double.NaN;

  /** The engine clipping of a resolved lr_scaled component. */
  public static GradientClipping create(Component clip) {
    return new LrScaledClipping(clip.number("c"));
  }

  LrScaledClipping(double c) {
    this.c = c;
  }

  @Override
  public double apply(List<NDArray> grads, List<NDArray> weights, double norm, StepContext ctx) {
    threshold = c * ctx.lr();
    return GradientClipping.clipToNorm(grads, norm, threshold);
  }

  @Override
  public double threshold() {
    return threshold;
  }
}
