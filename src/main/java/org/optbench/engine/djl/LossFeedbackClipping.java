package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.optbench.optim.StepContext;
import org.optbench.spec.Component;

/**
 * optbench's loss-feedback clipping: τ₁ = initial_norm; τ grows by {@code grow} after a rising
 * loss and shrinks by {@code shrink} after a falling one (unchanged when equal or NaN), clamped to
 * [min_norm, max_norm]; then clip_grad_norm_ at τ.
 */
public final class LossFeedbackClipping implements GradientClipping {

  private final double grow;
  private final double shrink;
  private final double minNorm;
  private final double maxNorm;
  private double tau;
  private double previousLoss = Double.NaN;

  /** The engine clipping of a resolved loss_feedback component. */
  public static GradientClipping create(Component clip) {
    return new LossFeedbackClipping(clip.number("initial_norm"),
        clip.number("grow"), clip.number("shrink"), clip.number("min_norm"),
        clip.number("max_norm"));
  }

  LossFeedbackClipping(double initialNorm, double grow, double shrink, double minNorm,
      double maxNorm) {
    if (minNorm > maxNorm) {
      throw new IllegalArgumentException(
          "loss_feedback: min_norm " + minNorm + " is above max_norm " + maxNorm);
    }
    this.grow = grow;
    this.shrink = shrink;
    this.minNorm = minNorm;
    this.maxNorm = maxNorm;
    this.tau = clamp(initialNorm);
  }

  private double clamp(double value) {
    return Math.max(minNorm, Math.min(maxNorm, value));
  }

  @Override
  public double apply(List<NDArray> grads, List<NDArray> weights, double norm, StepContext c) {
    double loss = c.loss();
    if (loss > previousLoss) {
      tau = clamp(tau * grow);
    } else if (loss < previousLoss) {
      tau = clamp(tau * shrink);
    }
    if (!Double.isNaN(loss)) {
      previousLoss = loss;
    }
    return GradientClipping.clipToNorm(grads, norm, tau);
  }

  @Override
  public double threshold() {
    return tau;
  }
}
