package org.optbench.optim.transform;

import org.optbench.optim.EvaluationPoint;
import org.optbench.optim.FusedStep;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.TreeMath;

/**
 * Schedule-Free learning (Defazio et al. 2024, "The Road Less Scheduled", Algorithm 1) around a
 * base direction u (the gradient for SGD, Adam's normalised gradient for AdamW), with weight
 * decay λ·y added to u as optax and the facebookresearch reference both do:
 *
 * <pre>
 *   yₜ = (1 − β1)·zₜ + β1·xₜ          the parameters: gradients are taken here
 *   zₜ₊₁ = zₜ − lrₜ·u                 u from the gradient at yₜ, plus λ·yₜ
 *   xₜ₊₁ = (1 − cₜ)·xₜ + cₜ·zₜ₊₁       the average: evaluate here ({@link EvaluationPoint})
 * </pre>
 *
 * cₜ from {@link ScheduleFreeAverage}. Only z is stored; y is updated in place as the reference
 * does, y ← lerp(y, zₜ, cₜ) + lrₜ·(β1·(1 − cₜ) − 1)·u, which is the recurrence above with x
 * eliminated (optax recomputes x from y and z instead, the same in exact arithmetic). The
 * in-place form keeps each step's rounding relative to the step rather than to y.
 *
 * <p>The float32 operations are the engine's ({@code TorchScheduleFree}), in its order, so that
 * both engines compute the same floats from the same inputs.
 */
abstract class ScheduleFreeStep implements FusedStep, EvaluationPoint {

  private final double beta1;
  private final double weightLrPower;
  /** λ, added to u as λ·y. */
  final float weightDecay;

  ScheduleFreeStep(double beta1, double weightDecay, double weightLrPower) {
    this.beta1 = beta1;
    this.weightDecay = (float) weightDecay;
    this.weightLrPower = weightLrPower;
  }

  /** State arrays beyond z per tensor (AdamW's v). */
  abstract int moments();

  /**
   * Overwrites {@code g} with the direction u of step {@code t}, including λ·y.
   *
   * @param s the state, whose arrays beyond z ({@code buffers[1..]}) are the base's
   * @param tensor which tensor {@code g} and {@code y} are
   */
  abstract void direction(float[] g, float[] y, ScheduleFreeState s, int tensor, int t);

  @Override
  public TransformState init(ParamTree params) {
    return new ScheduleFreeState(params, moments(), new ScheduleFreeAverage(beta1, weightLrPower));
  }

  @Override
  public void step(ParamTree params, ParamTree grads, TransformState state, StepContext c) {
    run(params, grads, (ScheduleFreeState) state, c, true);
  }

  /** Writes Δy into {@code updates}; the parameters are only read. */
  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params,
      StepContext c) {
    run(params, updates, (ScheduleFreeState) state, c, false);
    return updates;
  }

  private void run(ParamTree params, ParamTree grads, ScheduleFreeState s, StepContext c,
      boolean apply) {
    float lr = (float) c.lr();
    float weight = s.average.advance(lr);
    int t = s.average.step();
    float coefficient = s.average.directionCoefficient(lr);
    double stepSize = s.average.stepSize(lr);
    for (int i = 0; i < params.size(); i++) {
      float[] y = params.data(i);
      float[] g = grads.data(i);
      float[] z = s.z(i);
      direction(g, y, s, i, t);
      for (int j = 0; j < y.length; j++) {
        float u = g[j];
        float next = TreeMath.lerp(y[j], z[j], weight) + u * coefficient;
        z[j] = z[j] - u * lr;
        if (apply) {
          y[j] = next;
        } else {
          g[j] = next - y[j];
        }
      }
      c.recordStepSize(stepSize, y.length);
    }
  }

  /** x = (y − (1 − β1)·z)/β1 (optax's {@code schedule_free_eval_params}). */
  @Override
  public void evaluationPoint(ParamTree params, TransformState state, ParamTree into) {
    ScheduleFreeState s = (ScheduleFreeState) state;
    float zShare = (float) (1 - beta1);
    float b1 = (float) beta1;
    for (int i = 0; i < params.size(); i++) {
      float[] y = params.data(i);
      float[] z = s.z(i);
      float[] x = into.data(i);
      for (int j = 0; j < y.length; j++) {
        x[j] = (y[j] - z[j] * zShare) / b1;
      }
    }
  }
}
