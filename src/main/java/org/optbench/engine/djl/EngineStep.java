package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import java.util.List;
import org.optbench.optim.StepContext;
import org.optbench.spec.Cell;

/**
 * The {@code djl} engine's step: clipping over all gradients, then the optimizer: an engine-side
 * {@link TorchOptimizer} directly on the live gradients, a DJL built-in through the trainer.
 */
final class EngineStep implements StepStrategy {

  private final Optimizer optimizer;
  private final GradientClipping clipping;
  private final double builtinThreshold;
  private final StepContext context = new StepContext();
  private List<String> ids;

  /**
   * @param builtinThreshold the threshold a built-in optimizer's own clipping uses, NaN when
   *     {@code clipping} does the clipping
   */
  EngineStep(Optimizer optimizer, GradientClipping clipping, double builtinThreshold) {
    this.optimizer = optimizer;
    this.clipping = clipping;
    this.builtinThreshold = builtinThreshold;
  }

  /** The engine step a cell asks for. */
  static EngineStep of(Cell cell) {
    Optimizer optimizer =
        DjlOptimizers.create(cell.optimizer(), cell.clip(), cell.schedule(), cell.steps());
    // A built-in given value clipping clips with its own optClipGrad, whose deviation is measured.
    boolean builtinClip = DjlOptimizers.builtin(cell.optimizer()) && cell.clip().name().equals("value");
    return builtinClip
        ? new EngineStep(optimizer, GradientClipping.NONE, cell.clip().number("max_value"))
        : new EngineStep(optimizer, GradientClipping.of(cell.clip()), Double.NaN);
  }

  @Override
  public Optimizer trainerOptimizer() {
    return optimizer;
  }

  Optimizer optimizer() {
    return optimizer;
  }

  /** Binds the parameters to their groups' optimizers, for an entry with parameter groups. */
  @Override
  public void start(List<String> names, List<Parameter> parameters) {
    if (optimizer instanceof TorchParamGroups groups) {
      groups.bind(parameters.stream().map(Parameter::getId).toList(), names,
          parameters.stream().map(Parameter::getArray).toList());
    }
  }

  @Override
  public double learningRate(int step) {
    return DjlOptimizers.recordedLearningRate(optimizer, step);
  }

  @Override
  public StepOutcome step(StepInput in) {
    double normAfter = clip(in);
    if (in.hessian().due() && optimizer instanceof TorchOptimizer torch) {
      List<Parameter> parameters = in.parameters();
      for (int i = 0; i < parameters.size(); i++) {
        torch.giveHessianDiagonal(parameters.get(i).getId(), in.hessian().estimate().get(i));
      }
    }
    if (optimizer instanceof TorchOptimizer torch) {
      // Straight to the optimizer: DJL's trainer would route each gradient through its parameter
      // server, which hands the optimizer a fresh copy (LocalParameterServer.pull) and fetches
      // a new gradient handle per tensor; on one device there is nothing to reduce. The whole
      // step at once, for optimizers whose d is a sum over every tensor (Prodigy).
      torch.updateAll(ids(in.parameters()), in.weights(), in.grads());
    } else {
      in.trainer().step();
    }
    double threshold = Double.isNaN(builtinThreshold) ? clipping.threshold() : builtinThreshold;
    double stepSize = optimizer instanceof TorchOptimizer torch
        ? torch.stepSize(in.step())
        : Double.NaN;
    return new StepOutcome(
        normAfter, threshold, Double.isNaN(stepSize) ? learningRate(in.step()) : stepSize);
  }

  /** The parameters' ids, in order; made at the first step and kept (the model's are fixed). */
  private List<String> ids(List<Parameter> parameters) {
    if (ids == null) {
      ids = parameters.stream().map(Parameter::getId).toList();
    }
    return ids;
  }

  @Override
  public ParameterSwap evaluationPoint(List<Parameter> parameters) {
    if (!(optimizer instanceof EvaluationPointOptimizer point) || !point.movesEvaluation()) {
      return ParameterSwap.NONE;
    }
    List<String> ids = ids(parameters);
    List<NDArray> weights = parameters.stream().map(Parameter::getArray).toList();
    point.toEvaluationPoint(ids, weights);
    return () -> point.toTrainingPoint(ids, weights);
  }

  /** Clips the step's gradients in place; every temporary is freed before returning. */
  double clip(StepInput in) {
    // The clipping context gets the rate the engine trains with (float32), not the recorded one.
    context.set(in.step(), DjlOptimizers.learningRate(optimizer, in.step()), in.loss());
    return clipping.applyInScope(in.grads(), in.weights(), in.norm(), context, in.stepManager());
  }

  @Override
  public long stateBytes() {
    return DjlOptimizers.stateBytes(optimizer);
  }
}
