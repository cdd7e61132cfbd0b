package org.optbench.optim.alias;

import java.util.ArrayList;
import java.util.List;
import org.optbench.optim.EvaluationPoint;
import org.optbench.optim.FusedStep;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.NonFiniteGradientException;
import org.optbench.optim.OptimizerSnapshot;
import org.optbench.optim.ParamTree;
import org.optbench.optim.ResumableState;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.TreeMath;
import org.optbench.optim.schedule.Schedule;
import org.optbench.optim.transform.ClipState;

/**
 * A ready-to-step optimizer: clipping, then the optimizer recipe, with the learning rate from a
 * schedule. Holds the state, so one instance serves one model.
 *
 * <pre>{@code
 * NativeOptimizer opt = NativeOptimizers.create(optimizer, clip, schedule, cell.steps());
 * opt.init(params);
 * for (...) {
 *   StepReport r = opt.step(params, grads, loss);   // params updated in place
 *   log(r.clip().normBefore(), r.clip().normAfter(), r.clip().clipped(), r.clip().threshold());
 * }
 * }</pre>
 *
 * <p>Non-finite gradients: {@link #step} first checks every gradient; on the first NaN or ±Inf it
 * throws {@link NonFiniteGradientException} naming the step, tensor and index, before any
 * parameter or state is written and without advancing the step count. The caller decides whether
 * to stop the run or skip the batch; a NaN never reaches the parameters unflagged.
 */
public final class NativeOptimizer {

  private final Recipe recipe;
  private final GradientTransform clip;
  private final Schedule schedule;
  private final double baseLr;
  private final StepContext context = new StepContext();
  private final StepReport report = new StepReport();
  private TransformState optimizerState;
  private TransformState clipState;
  private int tensors;
  private int steps;

  /**
   * @param recipe the optimizer
   * @param clip the clipping transform, or null for none
   * @param schedule the lr factor per step
   * @param baseLr the optimizer's lr, which the schedule multiplies
   */
  public NativeOptimizer(Recipe recipe, GradientTransform clip, Schedule schedule, double baseLr) {
    this.recipe = recipe;
    this.clip = clip;
    this.schedule = schedule;
    this.baseLr = baseLr;
  }

  /** Allocates the state for {@code params}; call once before the first step. */
  public NativeOptimizer init(ParamTree params) {
    optimizerState = recipe.transform().init(params);
    clipState = clip == null ? null : clip.init(params);
    tensors = params.size();
    steps = 0;
    return this;
  }

  /**
   * Whether the optimizer is evaluated elsewhere than at the parameters it steps (Schedule-Free's
   * x, also inside a parameter group); runners then evaluate at {@link #evaluationPoint}.
   */
  public boolean hasEvaluationPoint() {
    requireInit();
    return recipe.transform() instanceof EvaluationPoint point
        && point.movesEvaluation(optimizerState);
  }

  /**
   * Writes the point to evaluate at into {@code into}: the optimizer's own ({@link
   * EvaluationPoint}) or, for the others, {@code params} themselves. Nothing else changes.
   */
  public void evaluationPoint(ParamTree params, ParamTree into) {
    requireInit();
    if (recipe.transform() instanceof EvaluationPoint point) {
      point.evaluationPoint(params, optimizerState, into);
    } else {
      for (int i = 0; i < params.size(); i++) {
        System.arraycopy(params.data(i), 0, into.data(i), 0, params.data(i).length);
      }
    }
  }

  /**
   * A copy of the optimizer's state after the steps taken so far: with the parameters, what
   * {@link #restore} needs to continue the run as if it had not stopped. Clipping state is not
   * included (the stateless methods have none).
   *
   * @throws UnsupportedOperationException when the optimizer's state is not {@link
   *     ResumableState}
   */
  public OptimizerSnapshot snapshot() {
    requireInit();
    if (!(optimizerState instanceof ResumableState resumable)) {
      throw new UnsupportedOperationException(
          "the state of optimizer " + recipe.name() + " cannot be saved");
    }
    List<float[][]> arrays = new ArrayList<>();
    for (int i = 0; i < tensors; i++) {
      arrays.add(stateArrays(i).toArray(new float[0][]));
    }
    return new OptimizerSnapshot(steps, resumable.scalars(), arrays);
  }

  /**
   * Puts a {@link #snapshot} back, after {@link #init} with the saved parameters: the next step is
   * {@code snapshot.steps() + 1}.
   *
   * @throws IllegalArgumentException when the snapshot's arrays are not shaped like this state's
   *     (nothing is written then)
   */
  public void restore(OptimizerSnapshot snapshot) {
    requireInit();
    if (!(optimizerState instanceof ResumableState resumable)) {
      throw new UnsupportedOperationException(
          "the state of optimizer " + recipe.name() + " cannot be restored");
    }
    List<List<float[]>> live = new ArrayList<>();
    for (int i = 0; i < tensors; i++) {
      live.add(stateArrays(i));
    }
    snapshot.copyInto(live);
    resumable.setScalars(snapshot.scalars());
    resumable.restoreSteps(snapshot.steps());
    steps = snapshot.steps();
  }

  private void requireInit() {
    if (optimizerState == null) {
      throw new IllegalStateException("init(params) must be called first");
    }
  }

  /** One training step with a loss (NaN when unknown); see {@link #step(ParamTree, ParamTree, StepContext)}. */
  public StepReport step(ParamTree params, ParamTree grads, double loss) {
    return step(params, grads, loss, null);
  }

  /**
   * One training step with a loss and, for optimizers that take one (Sophia), this step's
   * estimate of the Hessian diagonal, shaped like {@code params} (null on steps without one;
   * see {@link StepContext#hessianDiagonal()}). The estimate is read, not modified.
   */
  public StepReport step(ParamTree params, ParamTree grads, double loss,
      ParamTree hessianDiagonal) {
    int t = steps + 1;
    if (hessianDiagonal != null) {
      params.requireSameStructure(hessianDiagonal, "Hessian-diagonal estimate");
    }
    return step(params, grads, context.set(t, learningRate(t), loss)
        .withHessianDiagonal(hessianDiagonal));
  }

  /**
   * Clips {@code grads}, computes the update and applies it to {@code params}, in place. The
   * gradients are overwritten. The context's step must be the next step number.
   *
   * @throws NonFiniteGradientException if a gradient is NaN or infinite (nothing is written)
   * @throws IllegalArgumentException if {@code grads} is not shaped like {@code params}
   */
  public StepReport step(ParamTree params, ParamTree grads, StepContext ctx) {
    if (optimizerState == null) {
      throw new IllegalStateException("init(params) must be called before the first step");
    }
    params.requireSameStructure(grads, "gradients");
    double norm = Math.sqrt(TreeMath.requireFinite(grads, ctx.step()));
    if (clip != null) {
      clip.update(grads, clipState, params, ctx);
      report.clip().copyFrom(((ClipState) clipState).report());
    } else {
      report.clip().set(norm, norm, false, Double.NaN);
    }
    if (recipe.transform() instanceof FusedStep fused) {
      fused.step(params, grads, optimizerState, ctx);
    } else {
      TreeMath.applyUpdates(params, recipe.transform().update(grads, optimizerState, params, ctx));
    }
    steps = ctx.step();
    report.set(ctx.step(), ctx.lr(), ctx.stepSize());
    return report;
  }

  /** The learning rate step {@code t} uses: base lr × schedule factor. */
  public double learningRate(int t) {
    return baseLr * schedule.factor(t);
  }

  /** Steps taken so far. */
  public int steps() {
    return steps;
  }

  public Recipe recipe() {
    return recipe;
  }

  /** Bytes of the optimizer's state arrays as allocated (0 before init). */
  public long optimizerStateBytes() {
    return optimizerState == null ? 0 : optimizerState.stateBytes();
  }

  /** Bytes of the clipping method's state arrays (AutoClip's history; 0 for the others). */
  public long clipStateBytes() {
    return clipState == null ? 0 : clipState.stateBytes();
  }

  /** Optimizer and clipping state together. */
  public long stateBytes() {
    return optimizerStateBytes() + clipStateBytes();
  }

  /**
   * The live optimizer state arrays of parameter tensor {@code tensor} (empty before init), in
   * the order the engine-side optimizers keep theirs; a cross-check reads and overwrites them.
   */
  public List<float[]> stateArrays(int tensor) {
    List<float[]> out = new ArrayList<>();
    if (optimizerState != null) {
      optimizerState.tensorArrays(tensor, out);
    }
    return out;
  }

  /**
   * The optimizer state's scalars over the whole model (d and its numerator for D-Adaptation
   * and Prodigy; empty for the rest), in the order the engine-side optimizers keep them.
   */
  public double[] stateScalars() {
    return optimizerState == null ? new double[0] : optimizerState.scalars();
  }

  /** Overwrites {@link #stateScalars()}, as a cross-check synchronises them. */
  public void setStateScalars(double[] values) {
    optimizerState.setScalars(values);
  }

  /** The optimizer's state formula, e.g. {@code 8·n (m, v)}. */
  public StateFormula stateFormula() {
    return recipe.stateFormula();
  }
}
