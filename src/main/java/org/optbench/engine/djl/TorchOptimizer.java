package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Base of the engine-side optimizers that follow torch.optim's math rather than DJL's built-ins.
 * Each subclass holds one optimizer's formula; the native library's counterpart (same state
 * arrays, same order) is what the lockstep cross-check compares it with.
 *
 * <p>Memory rules, which keep a long run's native memory flat:
 *
 * <ul>
 *   <li>State arrays live in a manager owned by the optimizer (a child of the first weight's
 *       manager, so they go when the model goes); DJL's {@code withDefaultState} detaches its
 *       arrays instead, which leaves every temporary computed from them unowned.
 *   <li>Each update's arithmetic runs with its operands temporarily attached to a scratch
 *       sub-manager: every intermediate is then owned by the scratch manager and freed when it
 *       closes, while the operands return to their owners.
 *   <li>The PyTorch engine accumulates gradients across backward passes and hands the optimizer a
 *       copy of the gradient, so the weight's own gradient is zeroed after the update.
 * </ul>
 */
abstract class TorchOptimizer extends Optimizer {

  private final Tracker learningRate;
  private final Map<String, Integer> steps = new HashMap<>();
  private final Map<String, NDArray[]> states = new HashMap<>();
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
   * @param grad the gradient
   * @param state this parameter's state arrays, as {@link #newState} made them on the first step
   */
  protected abstract void apply(int step, float lr, NDArray weight, NDArray grad, NDArray[] state);

  @Override
  public final void update(String parameterId, NDArray weight, NDArray grad) {
    int step = steps.merge(parameterId, 1, Integer::sum);
    float lr = learningRate.getNewValue(step);
    NDArray[] state = states.computeIfAbsent(parameterId, id -> newState(stateManager(weight), weight));
    try (NDManager scratch = stateManager.newSubManager()) {
      scratch.tempAttachAll(weight, grad);
      for (NDArray array : state) {
        scratch.tempAttachAll(array);
      }
      apply(step, lr, weight, grad, state);
      NDArray accumulated = weight.getGradient();
      accumulated.subi(accumulated);
    }
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

  /**
   * The live state arrays of a parameter (empty before its first update), in the order of the
   * native optimizer's state; the lockstep cross-check reads and overwrites them.
   */
  List<NDArray> state(String parameterId) {
    NDArray[] state = states.get(parameterId);
    return state == null ? List.of() : List.of(state);
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
}
