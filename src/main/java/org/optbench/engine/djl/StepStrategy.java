package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * Where a training step's update is computed, after DJL's forward and backward: on the engine
 * ({@link EngineStep}), in the native Java library ({@link NativeStep}), or both side by side
 * ({@link LockstepStep}, {@link TrajectoryStep}). {@link DjlTrainingRun} owns everything else.
 */
interface StepStrategy {

  /** The optimizer the DJL trainer is configured with (unused when the step is native). */
  Optimizer trainerOptimizer();

  /** Called once, after the model's initial parameters are loaded. */
  default void start(List<String> names, List<Parameter> parameters) {}

  /** The learning rate of 1-based step {@code step}. */
  double learningRate(int step);

  /**
   * Clips and applies the update of one step; the gradients of the step's backward pass are in
   * place and finite.
   *
   * @return the norm after clipping, the clipping threshold and the step size applied
   */
  StepOutcome step(StepInput in);

  /**
   * Called after {@code projection} projected the model's parameters at the end of a step
   * (bounded analytic objectives only). A strategy whose optimizer steps from its own copy of
   * the parameters projects that copy too, or its next step would start from the unprojected
   * point while the model's gradient was taken at the projected one.
   */
  default void projected(Projection projection) {}

  /**
   * Moves the model's parameters to the point its optimizer wants evaluated (Schedule-Free's
   * average x; {@link org.optbench.optim.EvaluationPoint}) until the returned swap is closed,
   * which puts the training point back bit for bit. For the other optimizers nothing moves.
   */
  default ParameterSwap evaluationPoint(List<Parameter> parameters) {
    return ParameterSwap.NONE;
  }

  /** Bytes of optimizer (and clipping) state held at the end of the run. */
  long stateBytes();

  /**
   * One step's inputs.
   *
   * @param step 1-based step
   * @param loss the batch's training loss
   * @param norm the global gradient norm before clipping
   * @param parameters the model's parameters
   * @param grads their gradients, flattened views sharing PyTorch's storage
   * @param trainer the DJL trainer
   * @param stepManager manager closed when the step ends
   * @param rerun runs forward and backward again on the same batch at the parameters now in
   *     the model (gradients must be zero first) and returns its loss
   * @param hessian the step's Hessian-diagonal estimate, for optimizers that take one (Sophia);
   *     {@link HessianInput#NONE} at steps without one. A strategy hands it to its optimizer
   *     before the update.
   */
  record StepInput(int step, double loss, double norm, List<Parameter> parameters,
      List<NDArray> grads, Trainer trainer, NDManager stepManager, DoubleSupplier rerun,
      HessianInput hessian) {

    /** The parameters' arrays, in order. */
    List<NDArray> weights() {
      return parameters.stream().map(Parameter::getArray).toList();
    }
  }
}
