package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.List;
import org.optbench.metrics.CrossCheckRow;
import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.optim.alias.NativeOptimizer;

/**
 * {@code crosscheck: lockstep}: the engine trains; at every step the native optimizer starts from
 * the same parameters and optimizer state and receives the same (unclipped) gradients (and the
 * same Hessian-diagonal estimate, for Sophia), and the two results are compared per tensor: the
 * updated parameters (see {@link Differences}) and every state array; and the optimizer's
 * scalars over the whole model (rows {@code optimizer:scalarK}: Prodigy's and D-Adaptation's d
 * and its numerator). The native state is then overwritten with the engine's, so each step's
 * difference is that step's alone and does not compound.
 */
final class LockstepStep implements StepStrategy {

  private final EngineStep engine;
  private final NativeOptimizer shadow;
  private final List<CrossCheckRow> sink;
  private final double rtol;
  private List<String> names;
  private ParamTree params;
  private ParamTree grads;
  private ParamTree hessianDiagonal;
  private float[][] before;

  LockstepStep(EngineStep engine, NativeOptimizer shadow, List<CrossCheckRow> sink, double rtol) {
    this.engine = engine;
    this.shadow = shadow;
    this.sink = sink;
    this.rtol = rtol;
  }

  @Override
  public Optimizer trainerOptimizer() {
    return engine.trainerOptimizer();
  }

  @Override
  public void start(List<String> names, List<Parameter> parameters) {
    engine.start(names, parameters);
    this.names = names;
    List<Tensor> tensors = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      NDArray array = parameters.get(i).getArray();
      tensors.add(new Tensor(names.get(i), NativeStep.dims(array), array.toFloatArray()));
    }
    params = ParamTree.of(tensors);
    grads = params.zerosLike();
    hessianDiagonal = params.zerosLike();
    before = new float[params.size()][];
    shadow.init(params);
  }

  @Override
  public double learningRate(int step) {
    return engine.learningRate(step);
  }

  @Override
  public StepOutcome step(StepInput in) {
    List<Parameter> parameters = in.parameters();
    for (int i = 0; i < parameters.size(); i++) {
      before[i] = parameters.get(i).getArray().toFloatArray();
      System.arraycopy(before[i], 0, params.data(i), 0, before[i].length);
    }
    NativeStep.read(in.grads(), grads);
    ParamTree hessian = NativeStep.hessian(in, hessianDiagonal);
    StepOutcome outcome = engine.step(in);
    shadow.step(params, grads, in.loss(), hessian);
    Optimizer optimizer = engine.optimizer();
    for (int i = 0; i < parameters.size(); i++) {
      float[] after = parameters.get(i).getArray().toFloatArray();
      add(in.step(), names.get(i), Differences.update(before[i], after, params.data(i)));
      if (optimizer instanceof TorchOptimizer torch) {
        compareStates(in.step(), i, torch.state(parameters.get(i).getId()));
      }
    }
    if (optimizer instanceof TorchOptimizer torch) {
      compareScalars(in.step(), torch.scalars());
    }
    return outcome;
  }

  /**
   * The optimizer's scalars over the whole model (D-Adaptation's and Prodigy's d and its
   * numerator), one row each, then the native ones overwritten with the engine's: like the
   * arrays, so that the next step's d is the same on both sides and differences do not compound.
   */
  private void compareScalars(int step, double[] engineScalars) {
    double[] nativeScalars = shadow.stateScalars();
    if (engineScalars.length != nativeScalars.length) {
      throw new IllegalStateException("the engine keeps " + engineScalars.length
          + " state scalars, the native optimizer " + nativeScalars.length);
    }
    for (int k = 0; k < nativeScalars.length; k++) {
      add(step, "optimizer:scalar" + k,
          Differences.scalar(engineScalars[k], nativeScalars[k]));
    }
    if (engineScalars.length > 0) {
      shadow.setStateScalars(engineScalars);
    }
  }

  private void compareStates(int step, int tensor, List<NDArray> engineState) {
    List<float[]> nativeState = shadow.stateArrays(tensor);
    if (engineState.size() != nativeState.size()) {
      throw new IllegalStateException("tensor " + names.get(tensor) + ": the engine keeps "
          + engineState.size() + " state arrays, the native optimizer " + nativeState.size());
    }
    for (int k = 0; k < nativeState.size(); k++) {
      float[] engineValues = engineState.get(k).toFloatArray();
      float[] nativeValues = nativeState.get(k);
      add(step, names.get(tensor) + ":state" + k, Differences.values(engineValues, nativeValues));
      System.arraycopy(engineValues, 0, nativeValues, 0, nativeValues.length);
    }
  }

  private void add(int step, String tensor, double[] diff) {
    String verdict = diff[1] <= rtol ? "ok" : "beyond";
    sink.add(new CrossCheckRow(step, tensor, diff[0], diff[1], verdict));
  }

  /** The model holds the engine's training point: the engine's optimizer moves it. */
  @Override
  public ParameterSwap evaluationPoint(List<Parameter> parameters) {
    return engine.evaluationPoint(parameters);
  }

  @Override
  public long stateBytes() {
    return engine.stateBytes();
  }

  /** State bytes of the native shadow, which must equal the engine's. */
  long nativeStateBytes() {
    return shadow.optimizerStateBytes();
  }
}
