package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.TreeMath;

/**
 * Global-norm clipping with a threshold driven by the training loss. Rule, per step t with loss
 * Lₜ (the context's loss):
 *
 * <pre>
 * τ₁ = clamp(initial_norm, min_norm, max_norm)
 * τₜ = clamp(τₜ₋₁·grow,   min_norm, max_norm)   if Lₜ > Lₜ₋₁
 * τₜ = clamp(τₜ₋₁·shrink, min_norm, max_norm)   if Lₜ &lt; Lₜ₋₁
 * τₜ = τₜ₋₁                                      otherwise (equal, or either loss NaN)
 * </pre>
 *
 * then clip as torch.nn.utils.clip_grad_norm_ with max_norm τₜ. A rising loss is taken to mean
 * that the current threshold is holding back steps the model needs; a falling
 * loss lets τ tighten slowly (defaults grow 1.1, shrink 0.99), bounded by [min_norm, max_norm].
 */
public final class LossFeedbackClip implements GradientTransform {

  private final double initialNorm;
  private final double grow;
  private final double shrink;
  private final double minNorm;
  private final double maxNorm;

  private LossFeedbackClip(
      double initialNorm, double grow, double shrink, double minNorm, double maxNorm) {
    if (minNorm > maxNorm) {
      throw new IllegalArgumentException(
          "loss_feedback: min_norm " + minNorm + " is above max_norm " + maxNorm);
    }
    this.initialNorm = initialNorm;
    this.grow = grow;
    this.shrink = shrink;
    this.minNorm = minNorm;
    this.maxNorm = maxNorm;
  }

  public static GradientTransform lossFeedbackClip(
      double initialNorm, double grow, double shrink, double minNorm, double maxNorm) {
    return new LossFeedbackClip(initialNorm, grow, shrink, minNorm, maxNorm);
  }

  @Override
  public TransformState init(ParamTree params) {
    Feedback f = new Feedback();
    f.tau = clamp(initialNorm);
    f.previousLoss = Double.NaN;
    return f;
  }

  private double clamp(double tau) {
    return Math.max(minNorm, Math.min(maxNorm, tau));
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    Feedback f = (Feedback) state;
    double loss = c.loss();
    if (loss > f.previousLoss) {
      f.tau = clamp(f.tau * grow);
    } else if (loss < f.previousLoss) {
      f.tau = clamp(f.tau * shrink);
    }
    if (!Double.isNaN(loss)) {
      f.previousLoss = loss;
    }
    NormClipping.clipToNorm(updates, TreeMath.globalNorm(updates), f.tau, f.report());
    return updates;
  }

  /** The current threshold and the last loss seen. */
  static final class Feedback extends ClipState {
    double tau;
    double previousLoss;
  }
}
