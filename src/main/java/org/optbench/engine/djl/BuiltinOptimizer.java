package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.HashMap;
import java.util.Map;

/**
 * One of DJL's own optimizers ({@code impl: djl_builtin}), kept selectable so that its
 * departures from torch.optim can be measured: DJL's Adam uses the ε̂ form and L2 decay, its Sgd
 * keeps MXNet-style momentum v = μv + lr·g, and {@code optClipGrad} clamps only from above.
 *
 * <p>The wrapper adds what the PyTorch engine leaves to the caller: the weight's gradient is
 * zeroed after the update (PyTorch accumulates), and the state size, which DJL keeps private, is
 * counted from the algorithm (Adam: m and v; Sgd: one buffer with momentum).
 */
final class BuiltinOptimizer extends Optimizer {

  private final Optimizer delegate;
  private final Tracker learningRate;
  private final int stateArrays;
  private final Map<String, Long> sizes = new HashMap<>();

  BuiltinOptimizer(Optimizer delegate, Tracker learningRate, int stateArrays) {
    super(new Builder());
    this.delegate = delegate;
    this.learningRate = learningRate;
    this.stateArrays = stateArrays;
  }

  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    sizes.putIfAbsent(parameterId, weight.getShape().size());
    delegate.update(parameterId, weight, grad);
    NDArray accumulated = weight.getGradient();
    accumulated.subi(accumulated);
  }

  float learningRate(int step) {
    return learningRate.getNewValue(step);
  }

  /** {@link #learningRate} before float32 rounding, as a step records it. */
  double recordedLearningRate(int step) {
    return ScheduleTracker.exact(learningRate, step);
  }

  long stateBytes() {
    return sizes.values().stream().mapToLong(Long::longValue).sum() * Float.BYTES * stateArrays;
  }

  private static final class Builder extends OptimizerBuilder<Builder> {
    @Override
    protected Builder self() {
      return this;
    }
  }
}
