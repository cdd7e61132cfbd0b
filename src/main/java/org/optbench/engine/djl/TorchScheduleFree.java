package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.optbench.optim.OptimizerSnapshot;
import org.optbench.optim.transform.ScheduleFreeAverage;

/**
 * Schedule-Free learning (Defazio et al. 2024) on the engine, the native
 * {@code ScheduleFreeStep}'s formula and float32 order on NDArrays: the subclass writes the
 * direction u (λ·y included) into the gradient, then
 *
 * <pre>
 *   y ← lerp(y, z, cₜ) + lrₜ·(β1·(1 − cₜ) − 1)·u;   z ← z − lrₜ·u
 * </pre>
 *
 * with cₜ from one {@link ScheduleFreeAverage} advanced once per step. State per parameter: z
 * (a copy of the weight at its first update), then the subclass's arrays. The weights are the
 * training point y; {@link EvaluationPointOptimizer} moves them to x = (y − (1 − β1)·z)/β1 for
 * evaluations, keeping y in the parameter's scratch meanwhile.
 */
abstract class TorchScheduleFree extends TorchOptimizer
    implements EvaluationPointOptimizer, ResumableOptimizer {

  private final double beta1;
  private final ScheduleFreeAverage average;
  /** λ, added to u as λ·y. */
  final float weightDecay;
  private boolean atEvaluationPoint;

  TorchScheduleFree(Builder<?> builder, double beta1, double weightDecay, double weightLrPower) {
    super(builder);
    this.beta1 = beta1;
    this.weightDecay = (float) weightDecay;
    this.average = new ScheduleFreeAverage(beta1, weightLrPower);
  }

  /**
   * Overwrites {@code grad} with the direction u of step {@code step}, λ·y included.
   *
   * @param state z, then the subclass's arrays
   * @param scratch a weight-shaped array whose contents may be overwritten
   */
  abstract void direction(int step, NDArray weight, NDArray grad, NDArray[] state,
      NDArray scratch);

  /** Two: one for the step, both while the weights are at the evaluation point. */
  @Override
  protected final int scratchArrays() {
    return 2;
  }

  /** z starts at the weight (x₁ = z₁ = y₁); the subclass's arrays at zero. */
  @Override
  protected final NDArray[] newState(NDManager manager, NDArray weight) {
    NDArray[] state = super.newState(manager, weight);
    copy(state[0], weight);
    return state;
  }

  @Override
  protected final void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state,
      NDArray[] scratch) {
    if (atEvaluationPoint) {
      throw new IllegalStateException("a step while the weights are at the evaluation point");
    }
    float c = weightOf(step, lr);
    NDArray z = state[0];
    NDArray t = scratch[0];
    direction(step, weight, grad, state, t);
    // y ← lerp(y, z, c), as torch's lerp kernel and TreeMath.lerp compute it.
    copy(t, z);
    t.subi(weight);
    if (Math.abs(c) < 0.5f) {
      weight.addi(t.muli(stepScalar(0, c)));
    } else {
      t.muli(stepScalar(0, 1 - c));
      copy(weight, z);
      weight.subi(t);
    }
    copy(t, grad);
    weight.addi(t.muli(stepScalar(1, average.directionCoefficient(lr))));
    z.subi(grad.muli(stepScalar(2, lr)));
    recordStepSize(step, average.stepSize(lr), weight);
  }

  /** cₜ, advancing the average at the first parameter of each step. */
  private float weightOf(int step, float lr) {
    if (step == average.step() + 1) {
      average.advance(lr);
    } else if (step != average.step()) {
      throw new IllegalStateException(
          "step " + step + " after step " + average.step() + " of the averaging weight");
    }
    return average.weight();
  }

  @Override
  public final void toEvaluationPoint(List<String> parameterIds, List<NDArray> weights) {
    if (atEvaluationPoint) {
      throw new IllegalStateException("the weights are already at the evaluation point");
    }
    for (int i = 0; i < weights.size(); i++) {
      List<NDArray> state = state(parameterIds.get(i));
      if (state.isEmpty()) {
        continue;
      }
      NDArray y = weights.get(i);
      NDArray[] scratch = scratchOf(parameterIds.get(i), y);
      copy(scratch[0], y);
      copy(scratch[1], state.get(0));
      // x = (y − (1 − β1)·z)/β1, optax's schedule_free_eval_params.
      y.subi(scratch[1].muli(scalar((float) (1 - beta1)))).divi(scalar((float) beta1));
    }
    atEvaluationPoint = true;
  }

  @Override
  public final void toTrainingPoint(List<String> parameterIds, List<NDArray> weights) {
    if (!atEvaluationPoint) {
      throw new IllegalStateException("the weights are at the training point");
    }
    for (int i = 0; i < weights.size(); i++) {
      if (!state(parameterIds.get(i)).isEmpty()) {
        copy(weights.get(i), scratchOf(parameterIds.get(i), weights.get(i))[0]);
      }
    }
    atEvaluationPoint = false;
  }

  /** max_lr and Σw, the native state's scalars. */
  @Override
  double[] scalars() {
    return average.scalars();
  }

  @Override
  public final OptimizerSnapshot snapshot(List<String> parameterIds) {
    List<float[][]> arrays = new ArrayList<>();
    for (String id : parameterIds) {
      if (steps(id) != average.step()) {
        throw new IllegalStateException("parameter " + id + " has taken " + steps(id)
            + " steps, the optimizer " + average.step());
      }
      arrays.add(state(id).stream().map(NDArray::toFloatArray).toArray(float[][]::new));
    }
    return new OptimizerSnapshot(average.step(), average.scalars(), arrays);
  }

  /** Checks the whole layout first: a snapshot that does not fit writes nothing. */
  @Override
  public final void restore(List<String> parameterIds, List<NDArray> weights,
      OptimizerSnapshot snapshot) {
    List<float[][]> arrays = snapshot.arrays();
    if (arrays.size() != parameterIds.size()) {
      throw new IllegalArgumentException("snapshot of " + arrays.size() + " tensors, "
          + parameterIds.size() + " parameters given");
    }
    for (int i = 0; i < arrays.size(); i++) {
      long size = weights.get(i).getShape().size();
      float[][] saved = arrays.get(i);
      // Before the first step there is no state yet (z is made from the weight then).
      if (saved.length != 0 && saved.length != stateArrays()) {
        throw new IllegalArgumentException("parameter " + parameterIds.get(i) + ": snapshot has "
            + saved.length + " state arrays, the optimizer keeps " + stateArrays());
      }
      for (float[] array : saved) {
        if (array.length != size) {
          throw new IllegalArgumentException("parameter " + parameterIds.get(i) + ": a state"
              + " array of " + array.length + " values for a weight of " + size);
        }
      }
    }
    for (int i = 0; i < arrays.size(); i++) {
      float[][] saved = arrays.get(i);
      if (saved.length > 0) {
        NDArray[] state = stateOf(parameterIds.get(i), weights.get(i));
        for (int k = 0; k < saved.length; k++) {
          state[k].set(saved[k]);
        }
      }
      restoreSteps(parameterIds.get(i), snapshot.steps());
    }
    average.restore(snapshot.scalars());
    average.restoreStep(snapshot.steps());
  }
}
