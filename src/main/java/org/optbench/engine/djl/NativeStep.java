package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.List;
import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.optim.alias.NativeOptimizer;
import org.optbench.optim.alias.NativeOptimizers;
import org.optbench.optim.alias.StepReport;
import org.optbench.spec.Cell;

/**
 * The {@code native} engine's step: DJL computed the gradients; they are copied into float
 * arrays, the native optimizer clips and updates its own float copy of the parameters, and the
 * result is written back into the model. The native copy is the master: the model only ever
 * receives it, so nothing is rounded twice.
 */
final class NativeStep implements StepStrategy {

  private final NativeOptimizer optimizer;
  private ParamTree params;
  private ParamTree grads;
  private ParamTree evaluation;
  private ParamTree hessianDiagonal;

  NativeStep(NativeOptimizer optimizer) {
    this.optimizer = optimizer;
  }

  static NativeStep of(Cell cell) {
    return new NativeStep(NativeOptimizers.create(
        cell.optimizer(), cell.clip(), cell.schedule(), cell.steps()));
  }

  @Override
  public Optimizer trainerOptimizer() {
    // The trainer needs an optimizer; trainer.step() is never called on this path.
    return TorchSgd.builder().build();
  }

  @Override
  public void start(List<String> names, List<Parameter> parameters) {
    List<Tensor> tensors = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      NDArray array = parameters.get(i).getArray();
      tensors.add(new Tensor(names.get(i), dims(array), array.toFloatArray()));
    }
    params = ParamTree.of(tensors);
    for (int i = 0; i < parameters.size(); i++) {
      TensorMemory.checkWritable(params.data(i), parameters.get(i).getArray());
    }
    grads = params.zerosLike();
    hessianDiagonal = params.zerosLike();
    optimizer.init(params);
  }

  static int[] dims(NDArray array) {
    long[] shape = array.getShape().getShape();
    int[] dims = new int[shape.length];
    for (int d = 0; d < dims.length; d++) {
      dims[d] = Math.toIntExact(shape[d]);
    }
    return dims;
  }

  @Override
  public double learningRate(int step) {
    return optimizer.learningRate(step);
  }

  /** @throws org.optbench.optim.NonFiniteGradientException as the native optimizer does */
  @Override
  public StepOutcome step(StepInput in) {
    read(in.grads(), grads);
    zero(in.parameters());
    StepReport report = optimizer.step(params, grads, in.loss(), hessian(in, hessianDiagonal));
    write(params, in.parameters());
    return new StepOutcome(report.clip().normAfter(), report.clip().threshold(), report.stepSize());
  }

  /**
   * Writes the optimizer's evaluation point into the model; closing writes the native copy,
   * which still holds the training point, back.
   */
  @Override
  public ParameterSwap evaluationPoint(List<Parameter> parameters) {
    if (!optimizer.hasEvaluationPoint()) {
      return ParameterSwap.NONE;
    }
    if (evaluation == null) {
      evaluation = params.zerosLike();
    }
    optimizer.evaluationPoint(params, evaluation);
    write(evaluation, parameters);
    return () -> write(params, parameters);
  }

  /** The native copy is the one the optimizer steps from: it is projected like the model. */
  @Override
  public void projected(Projection projection) {
    projection.apply(params);
  }

  ParamTree params() {
    return params;
  }

  NativeOptimizer optimizer() {
    return optimizer;
  }

  /**
   * The step's Hessian-diagonal estimate copied into {@code into}, or null when the step has
   * none.
   */
  static ParamTree hessian(StepInput in, ParamTree into) {
    if (!in.hessian().due()) {
      return null;
    }
    read(in.hessian().estimate(), into);
    return into;
  }

  /** Copies every gradient view into the tree's arrays. */
  static void read(List<NDArray> arrays, ParamTree into) {
    for (int i = 0; i < arrays.size(); i++) {
      TensorMemory.read(arrays.get(i), into.data(i));
    }
  }

  /** Writes the tree's values into the parameters. */
  static void write(ParamTree from, List<Parameter> parameters) {
    for (int i = 0; i < parameters.size(); i++) {
      TensorMemory.write(from.data(i), parameters.get(i).getArray());
    }
  }

  /** PyTorch accumulates gradients; nothing else zeroes them on this path. */
  static void zero(List<Parameter> parameters) {
    for (Parameter parameter : parameters) {
      NDArray grad = parameter.getArray().getGradient();
      grad.subi(grad);
      grad.close();
    }
  }

  @Override
  public long stateBytes() {
    return optimizer.stateBytes();
  }
}
