package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.optbench.optim.StepContext;

/** optbench's lr-scaled clipping: clip_grad_norm_ at τ = c·lrₜ, lrₜ the step's scheduled rate. */
final class LrScaledClipping implements GradientClipping {

  private final double c;
  private double threshold = Double.NaN;

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
