package org.optbench.engine.djl;

import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import java.util.List;
import org.optbench.metrics.CrossCheckRow;
import org.optbench.optim.NonFiniteGradientException;
import org.optbench.optim.ParamTree;
import org.optbench.optim.alias.NativeOptimizer;

/**
 * {@code crosscheck: trajectory}: the engine-side and the native optimizer train independently
 * from the same initial parameters on the same batches. One DJL model serves both: each step it
 * computes the engine's gradients at the engine's parameters (the run's own forward/backward),
 * then, after the engine's update, the native gradients at the native parameters (a second
 * forward/backward on the same batch), after which the engine's parameters are restored. Rows
 * record per tensor how far the parameters have moved apart (norm-wise relative to the native
 * ones) and the difference of the two training losses: floating-point drift grows slowly and
 * stays small, a real divergence of semantics grows to the size of the values.
 */
final class TrajectoryStep implements StepStrategy {

  /** Below this relative difference two trajectories are called close. */
  static final double CLOSE = 1e-3;

  private final EngineStep engine;
  private final NativeStep shadow;
  private final List<CrossCheckRow> sink;
  private List<String> names;
  private boolean nativeDiverged;

  TrajectoryStep(EngineStep engine, NativeOptimizer shadow, List<CrossCheckRow> sink) {
    this.engine = engine;
    this.shadow = new NativeStep(shadow);
    this.sink = sink;
  }

  @Override
  public Optimizer trainerOptimizer() {
    return engine.trainerOptimizer();
  }

  @Override
  public void start(List<String> names, List<Parameter> parameters) {
    this.names = names;
    engine.start(names, parameters);
    shadow.start(names, parameters);
  }

  @Override
  public double learningRate(int step) {
    return engine.learningRate(step);
  }

  @Override
  public StepOutcome step(StepInput in) {
    StepOutcome outcome = engine.step(in);
    if (nativeDiverged) {
      return outcome;
    }
    List<Parameter> parameters = in.parameters();
    float[][] engineParams = new float[parameters.size()][];
    for (int i = 0; i < parameters.size(); i++) {
      engineParams[i] = parameters.get(i).getArray().toFloatArray();
    }
    ParamTree nativeParams = shadow.params();
    NativeStep.write(nativeParams, parameters);
    NativeStep.zero(parameters);
    double nativeLoss = in.rerun().getAsDouble();
    try {
      // The native optimizer's estimate, like its gradients, is taken at its own parameters.
      HessianInput hessian = in.hessian().due()
          ? new HessianInput(in.hessian().again().get(), in.hessian().again())
          : HessianInput.NONE;
      shadow.step(new StepInput(in.step(), nativeLoss, Double.NaN, parameters, in.grads(),
          in.trainer(), in.stepManager(), in.rerun(), hessian));
    } catch (NonFiniteGradientException e) {
      nativeDiverged = true;
      NativeStep.zero(parameters);
    }
    for (int i = 0; i < parameters.size(); i++) {
      parameters.get(i).getArray().set(engineParams[i]);
      add(in.step(), names.get(i), Differences.values(engineParams[i], nativeParams.data(i)));
    }
    double lossDiff = Math.abs(in.loss() - nativeLoss);
    add(in.step(), "loss", new double[] {lossDiff,
        lossDiff == 0 ? 0 : lossDiff / Math.abs(nativeLoss)});
    return outcome;
  }

  /** The model holds the engine's parameters, projected by the run; the native ones follow. */
  @Override
  public void projected(Projection projection) {
    if (!nativeDiverged) {
      shadow.projected(projection);
    }
  }

  private void add(int step, String tensor, double[] diff) {
    sink.add(new CrossCheckRow(step, tensor, diff[0], diff[1], diff[1] <= CLOSE ? "close" : "apart"));
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
}
