package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Base of the engine-side optimizers that follow torch.optim's math rather than DJL's built-ins.
 * Each subclass holds one optimizer's formula; the native library's counterpart (same state
 * arrays, same order) is what the lockstep cross-check compares it with.
 *
 * <p>Memory rules, which keep a long run's native memory flat and its steps free of fresh
 * memory:
 *
 * <ul>
 *   <li>State arrays live in a manager owned by the optimizer (a child of the first weight's
 *       manager, so they go when the model goes); DJL's {@code withDefaultState} detaches its
 *       arrays instead, which leaves every temporary computed from them unowned.
 *   <li>The arithmetic is in place (DJL's {@code addi}, {@code muli}, …) on the state, on the
 *       gradient (which the update may overwrite: the caller discards or zeroes it) and on
 *       {@link #scratchArrays()} weight-shaped scratch arrays per parameter, made once. Every
 *       NDArray op that returns a new array allocates a tensor in libtorch's CPU allocator, i.e.
 *       glibc's malloc, which maps arrays of this size fresh from the kernel: about 200 page
 *       faults per 784×256 array, so a handful of temporaries per tensor cost more than the
 *       arithmetic. {@code NDArray.sqrt} has no in-place form on the PyTorch engine, and
 *       {@code powi(0.5)} goes through the tensor-exponent pow kernel, which differs from sqrt
 *       in the last bit for about a sixth of inputs (measured with torch 2.13): optimizers that
 *       need √ keep that one temporary.
 *   <li>Scalars are 0-dim tensors made once ({@link #scalar}) or refilled per step
 *       ({@link #stepScalar}); {@code muli(Number)} would make and free one per call. DJL's
 *       {@code muli(Number)} multiplies by such a float32 0-dim tensor too, so the results are
 *       bit-identical to the scalar forms.
 *   <li>Whatever temporary remains is closed by the optimizer that made it, or, for optimizers
 *       that say so ({@link #collectsTemporaries}), runs with its operands temporarily attached
 *       to a scratch sub-manager: it is then owned by the scratch manager and freed when that
 *       closes, while the operands return to their owners.
 *   <li>The PyTorch engine accumulates gradients across backward passes. Through DJL's trainer
 *       ({@link #update}) the optimizer gets the parameter server's copy of the gradient, so the
 *       weight's own gradient is zeroed after the update; {@link #updateLive} takes the
 *       weight's gradient itself, without the copy, and zeroes it.
 * </ul>
 *
 * <p>{@link #copy} writes one array into another in place ({@link InPlaceCopy}: torch's
 * {@code copy_}, one pass, exact whatever the target held).
 *
 * <p>Curvature: an optimizer that preconditions with an estimate of the Hessian diagonal (Sophia)
 * receives it per parameter through {@link #giveHessianDiagonal}, before that parameter's update
 * of the step; {@link #apply} reads it as {@link #hessianDiagonal()}. An estimate is good for the
 * one update that follows: the update takes it out, whether the optimizer reads it or not, so
 * none outlives its step (the caller owns and frees the array).
 */
abstract class TorchOptimizer extends Optimizer {

  private final Tracker learningRate;
  private final Map<String, Integer> steps = new HashMap<>();
  private final Map<String, NDArray[]> states = new HashMap<>();
  private final Map<String, NDArray[]> scratch = new HashMap<>();
  private final Map<String, NDArray[]> liveViews = new HashMap<>();
  private final Map<Float, NDArray> constants = new HashMap<>();
  private final List<StepScalar> stepScalars = new ArrayList<>();
  private final Map<String, NDArray> hessianDiagonals = new HashMap<>();
  private NDArray hessianDiagonal;
  private NDManager stateManager;
  private int stepSizeStep;
  private double stepSizeWeighted;
  private long stepSizeElements;

  TorchOptimizer(Builder<?> builder) {
    super(builder);
    this.learningRate = builder.learningRate;
  }

  /** How many state arrays of the weight's shape this optimizer keeps per parameter. */
  protected abstract int stateArrays();

  /** How many weight-shaped scratch arrays {@link #apply} uses per parameter. */
  protected abstract int scratchArrays();

  /**
   * The state of one parameter, allocated in {@code manager} before its first update. By default
   * {@link #stateArrays()} zero arrays shaped like the weight; optimizers with other shapes
   * (Adafactor's factors) or initial values (Adagrad's accumulator) override it.
   */
  protected NDArray[] newState(NDManager manager, NDArray weight) {
    NDArray[] state = new NDArray[stateArrays()];
    for (int i = 0; i < state.length; i++) {
      state[i] = manager.zeros(weight.getShape(), weight.getDataType());
    }
    return state;
  }

  /**
   * Applies one update in place.
   *
   * @param step 1-based count of updates of this parameter, as torch's per-parameter {@code step}
   * @param lr the learning rate for this step
   * @param weight the parameter, updated in place
   * @param grad the gradient, in the weight's shape; apply may overwrite it
   * @param state this parameter's state arrays, as {@link #newState} made them on the first step
   * @param scratch {@link #scratchArrays()} arrays of the weight's shape, contents undefined
   */
  protected abstract void apply(
      int step, float lr, NDArray weight, NDArray grad, NDArray[] state, NDArray[] scratch);

  /**
   * Updates every parameter of one step, in the model's order: the entry point of the engine's
   * own callers ({@link EngineStep}, {@link DjlReplayEngine}). By default one {@link #updateLive}
   * per parameter; optimizers whose update of one tensor depends on sums over all of them
   * ({@link WholeStepOptimizer}: D-Adaptation, Prodigy) override it.
   *
   * @param ids the parameters' ids, the same ids in the same order at every step
   * @param weights the parameters, updated in place
   * @param gradients their gradients, each any shape with its weight's element count;
   *     overwritten, then zeroed for the next backward pass
   */
  void updateAll(List<String> ids, List<NDArray> weights, List<NDArray> gradients) {
    for (int i = 0; i < ids.size(); i++) {
      updateLive(ids.get(i), weights.get(i), gradients.get(i));
    }
  }

  /**
   * DJL's entry point, called by the trainer's parameter server (which hands over a private copy
   * of the gradient): {@code grad} is overwritten. Optimizers that need every parameter of a step
   * at once ({@link WholeStepOptimizer}) refuse it.
   */
  @Override
  public final void update(String parameterId, NDArray weight, NDArray grad) {
    step(parameterId, weight, grad);
    NDArray accumulated = weight.getGradient();
    accumulated.subi(accumulated);
    accumulated.close();
  }

  /**
   * Updates one parameter from its gradient tensor as the backward pass left it, without DJL's
   * copy, then zeroes that gradient for the next backward pass.
   *
   * @param liveGradient the weight's gradient, any shape with the weight's element count (a flat
   *     view will do); overwritten, then zeroed
   */
  void updateLive(String parameterId, NDArray weight, NDArray liveGradient) {
    step(parameterId, weight, liveGradient);
    // g − g rather than 0·g: +0 everywhere, as torch's zero_(), where 0·g gives −0 for g < 0.
    liveGradient.subi(liveGradient);
  }

  /**
   * The gradient in the weight's shape. The training loop hands over the same flat views step
   * after step (GradientViews), so the reshaped view is kept with the flat one it came from and
   * made again only when a different flat view arrives.
   */
  private NDArray shapedView(String parameterId, NDArray weight, NDArray liveGradient) {
    if (liveGradient.getShape().equals(weight.getShape())) {
      return liveGradient;
    }
    NDArray[] cached = liveViews.get(parameterId);
    if (cached != null && cached[0] == liveGradient) {
      return cached[1];
    }
    if (cached != null) {
      cached[1].close();
    }
    NDArray shaped = liveGradient.reshape(weight.getShape());
    shaped.attach(stateManager(weight));
    liveViews.put(parameterId, new NDArray[] {liveGradient, shaped});
    return shaped;
  }

  private void step(String parameterId, NDArray weight, NDArray grad) {
    TorchOptimizer owner = owner(parameterId);
    if (owner != this) {
      owner.step(parameterId, weight, grad);
      return;
    }
    ParameterStep p = prepare(parameterId, weight, grad);
    float lr = learningRate.getNewValue(p.step());
    hessianDiagonal = hessianDiagonals.remove(parameterId);
    try {
      if (!collectsTemporaries()) {
        apply(p.step(), lr, weight, p.grad(), p.state(), p.scratch());
        return;
      }
      try (NDManager temporaries = stateManager.newSubManager()) {
        temporaries.tempAttachAll(weight, p.grad());
        for (NDArray array : p.state()) {
          temporaries.tempAttachAll(array);
        }
        for (NDArray array : p.scratch()) {
          temporaries.tempAttachAll(array);
        }
        if (hessianDiagonal != null) {
          temporaries.tempAttachAll(hessianDiagonal);
        }
        apply(p.step(), lr, weight, p.grad(), p.state(), p.scratch());
      }
    } finally {
      hessianDiagonal = null;
    }
  }

  /**
   * Gives parameter {@code parameterId} an estimate of its Hessian diagonal, in the weight's
   * shape, for its next update: optimizers that take one (Sophia) read it in that update; the
   * others drop it. The caller keeps ownership of the array, which must live until that update
   * has run.
   */
  void giveHessianDiagonal(String parameterId, NDArray estimate) {
    TorchOptimizer owner = owner(parameterId);
    if (owner != this) {
      owner.giveHessianDiagonal(parameterId, estimate);
      return;
    }
    hessianDiagonals.put(parameterId, estimate);
  }

  /**
   * The Hessian-diagonal estimate given for the parameter {@link #apply} is updating, or null
   * when none was given for this update.
   */
  protected final NDArray hessianDiagonal() {
    return hessianDiagonal;
  }

  /**
   * The optimizer that updates {@code parameterId}: this one, except in {@link TorchParamGroups},
   * which hands each tensor to its group's optimizer.
   */
  TorchOptimizer owner(String parameterId) {
    return this;
  }

  /**
   * One parameter's arrays for its next update: the step counted, the gradient in the weight's
   * shape, the state and scratch arrays (made at the parameter's first update).
   */
  final ParameterStep prepare(String parameterId, NDArray weight, NDArray grad) {
    NDArray shaped = shapedView(parameterId, weight, grad);
    int step = steps.merge(parameterId, 1, Integer::sum);
    NDArray[] state =
        states.computeIfAbsent(parameterId, id -> newState(stateManager(weight), weight));
    NDArray[] buffers = scratchFor(parameterId, weight, stateManager);
    return new ParameterStep(step, weight, shaped, state, buffers);
  }

  /**
   * What one parameter's update works on.
   *
   * @param step 1-based count of this parameter's updates
   * @param grad the gradient in the weight's shape, which the update may overwrite
   */
  record ParameterStep(
      int step, NDArray weight, NDArray grad, NDArray[] state, NDArray[] scratch) {}

  /**
   * The scratch arrays {@link #apply} gets for one parameter: by default its own ({@link
   * #newScratch}), made at its first update and kept for the run.
   */
  protected NDArray[] scratchFor(String parameterId, NDArray weight, NDManager manager) {
    return scratch.computeIfAbsent(parameterId, id -> newScratch(manager, weight));
  }

  /**
   * The scratch arrays of one parameter, allocated in {@code manager} before its first update. By
   * default {@link #scratchArrays()} zero arrays shaped like the weight; Adafactor adds a float64
   * one for its RMS.
   */
  protected NDArray[] newScratch(NDManager manager, NDArray weight) {
    NDArray[] buffers = new NDArray[scratchArrays()];
    for (int i = 0; i < buffers.length; i++) {
      buffers[i] = manager.zeros(weight.getShape(), weight.getDataType());
    }
    return buffers;
  }

  /**
   * Whether {@link #apply} leaves temporaries for a scratch sub-manager to free, for an update
   * written with allocating ops. The catalogue's optimizers close the few they make themselves
   * (the default), which spares moving every operand into a sub-manager and back at each step.
   */
  protected boolean collectsTemporaries() {
    return false;
  }

  /** A float32 0-dim tensor of a constant value, made once and owned by the optimizer. */
  protected final NDArray scalar(float value) {
    return constants.computeIfAbsent(value, v -> stateManager.full(new Shape(), v, DataType.FLOAT32));
  }

  /**
   * A float32 0-dim tensor holding {@code value}, for values that change from step to step (bias
   * corrections, the learning rate): slot {@code slot} of this optimizer is refilled in place.
   */
  protected final NDArray stepScalar(int slot, float value) {
    while (stepScalars.size() <= slot) {
      stepScalars.add(new StepScalar(stateManager));
    }
    return stepScalars.get(slot).holding(value);
  }

  /**
   * target ← target + λ·weight in place, with {@code scratch} holding λ·weight: torch.optim's
   * weight decay folded into the gradient (or, for Lion, into the update direction). Nothing
   * happens when λ is 0, as in torch, which skips the term.
   */
  protected final void addScaledWeight(NDArray target, NDArray weight, float lambda,
      NDArray scratch) {
    if (lambda != 0) {
      copy(scratch, weight);
      target.addi(scratch.muli(scalar(lambda)));
    }
  }

  /**
   * torch.optim's two weight decays for optimizers that offer both (NAdam's and RAdam's
   * {@code decoupled_weight_decay}): decoupled, p ← p·(1 − lr·λ) before the step (Loshchilov &amp;
   * Hutter 2019); else L2, g ← g + λ·p. Nothing when λ is 0, as in torch. {@code slot} is the
   * {@link #stepScalar} slot the decoupled factor takes.
   */
  protected final void weightDecay(NDArray weight, NDArray grad, float lr, float lambda,
      boolean decoupled, NDArray scratch, int slot) {
    if (lambda == 0) {
      return;
    }
    if (decoupled) {
      weight.muli(stepScalar(slot, 1 - lr * lambda));
    } else {
      addScaledWeight(grad, weight, lambda, scratch);
    }
  }

  /**
   * start ← lerp(start, end, weight) in place, as torch's lerp kernel computes it (see
   * {@code TreeMath.lerp}): from the start for weight &lt; 0.5, from the end otherwise.
   * {@code scratch} is overwritten.
   */
  protected final void lerp(NDArray start, NDArray end, float weight, NDArray scratch) {
    copy(scratch, end);
    if (Math.abs(weight) < 0.5f) {
      start.addi(scratch.subi(start).muli(scalar(weight)));
    } else {
      scratch.subi(start).muli(scalar(1 - weight));
      copy(start, end);
      start.subi(scratch);
    }
  }

  /**
   * v ← β·v + (1 − β)·g² in place, as torch's {@code mul_(β).addcmul_(g, g, value=1 − β)};
   * {@code scratch} is overwritten.
   */
  protected final void decaySquares(NDArray v, NDArray grad, double beta, NDArray scratch) {
    copy(scratch, grad);
    v.muli(scalar((float) beta)).addi(scratch.muli(grad).muli(scalar((float) (1 - beta))));
  }

  /** target ← source, in place ({@link InPlaceCopy}). */
  protected final void copy(NDArray target, NDArray source) {
    InPlaceCopy.into(target, source);
  }

  private NDManager stateManager(NDArray weight) {
    if (stateManager == null) {
      stateManager = weight.getManager().newSubManager();
    }
    return stateManager;
  }

  /**
   * Records the step size αₜ one parameter's update used, for optimizers whose step size differs
   * per tensor (Adafactor); {@link #stepSize} averages them by element count.
   */
  protected final void recordStepSize(int step, double alpha, NDArray weight) {
    if (step != stepSizeStep) {
      stepSizeStep = step;
      stepSizeWeighted = 0;
      stepSizeElements = 0;
    }
    long elements = weight.getShape().size();
    stepSizeWeighted += alpha * elements;
    stepSizeElements += elements;
  }

  /**
   * The element-weighted mean step size of {@code step}'s updates, or NaN when this optimizer
   * applies the learning rate as given (it then records nothing).
   */
  public double stepSize(int step) {
    return step == stepSizeStep && stepSizeElements > 0
        ? stepSizeWeighted / stepSizeElements
        : Double.NaN;
  }

  /** The learning rate this optimizer uses at a given 1-based step. */
  public float learningRate(int step) {
    return learningRate.getNewValue(step);
  }

  /** {@link #learningRate} before float32 rounding, as a step records it. */
  public double recordedLearningRate(int step) {
    return ScheduleTracker.exact(learningRate, step);
  }

  /**
   * The live state arrays of a parameter (empty before its first update), in the order of the
   * native optimizer's state; the lockstep cross-check reads and overwrites them.
   */
  List<NDArray> state(String parameterId) {
    TorchOptimizer owner = owner(parameterId);
    if (owner != this) {
      return owner.state(parameterId);
    }
    NDArray[] state = states.get(parameterId);
    return state == null ? List.of() : List.of(state);
  }

  /**
   * The optimizer's scalars over the whole model, in the order of the native state's {@code
   * scalars()} (d and its numerator for D-Adaptation and Prodigy); empty for the rest. The
   * lockstep cross-check reads them and overwrites the native ones.
   */
  double[] scalars() {
    return new double[0];
  }

  /** Updates of a parameter so far (0 before its first). */
  final int steps(String parameterId) {
    return steps.getOrDefault(parameterId, 0);
  }

  /**
   * The state arrays of a parameter, made as for its first update when it has none yet; for
   * restoring a saved state before any update.
   */
  final NDArray[] stateOf(String parameterId, NDArray weight) {
    return states.computeIfAbsent(parameterId, id -> newState(stateManager(weight), weight));
  }

  /** Sets the number of updates a parameter has had, for restoring a saved state. */
  final void restoreSteps(String parameterId, int count) {
    steps.put(parameterId, count);
  }

  /**
   * The scratch arrays of a parameter, made as for its first update if not yet there. Between
   * updates their contents are free: an optimizer whose scratch is its own per parameter (not
   * {@link FactoredOptimizer}'s shared one) may borrow them, as Schedule-Free keeps the training
   * point there while the model is evaluated elsewhere.
   */
  final NDArray[] scratchOf(String parameterId, NDArray weight) {
    stateManager(weight);
    return scratchFor(parameterId, weight, stateManager);
  }

  /** Bytes of every state array this optimizer has allocated so far. */
  public long stateBytes() {
    long bytes = 0;
    for (NDArray[] state : states.values()) {
      for (NDArray array : state) {
        bytes += array.getShape().size() * array.getDataType().getNumOfBytes();
      }
    }
    return bytes;
  }

  /**
   * DJL-style builder shared by the engine optimizers: the learning rate (a DJL {@link Tracker},
   * i.e. the schedule) is set here, each optimizer's own settings in its subclass.
   */
  abstract static class Builder<T extends Builder<T>> extends OptimizerBuilder<T> {
    private Tracker learningRate;

    /** @param defaultLearningRate torch.optim's default lr for the optimizer */
    Builder(float defaultLearningRate) {
      learningRate = Tracker.fixed(defaultLearningRate);
    }

    /**
     * The learning rate per step; for relative-step Adafactor, the schedule's factor alone.
     */
    T setLearningRateTracker(Tracker tracker) {
      learningRate = tracker;
      return self();
    }
  }

  /**
   * The builder of optimizers that take their settings from a spec component: only the learning
   * rate is DJL's; the rest is read from the component by the optimizer's constructor.
   */
  static final class LearningRateOnly extends Builder<LearningRateOnly> {
    LearningRateOnly(Tracker learningRate) {
      super(0f);
      setLearningRateTracker(learningRate);
    }

    @Override
    protected LearningRateOnly self() {
      return this;
    }
  }
}
