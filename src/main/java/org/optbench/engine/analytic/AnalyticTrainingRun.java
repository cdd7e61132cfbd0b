package org.optbench.engine.analytic;

import java.util.Map;
import org.optbench.metrics.RunAccumulator;
import org.optbench.metrics.RunArtifacts;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.RunResult;
import org.optbench.metrics.StepRecord;
import org.optbench.optim.NonFiniteGradientException;
import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.optim.TreeMath;
import org.optbench.optim.alias.NativeOptimizer;
import org.optbench.optim.alias.StepReport;
import org.optbench.spec.Cell;
import org.optbench.spec.RunSeeds;
import org.optbench.workload.AnalyticObjective;
import org.optbench.workload.TensorShape;
import org.optbench.workload.Workload;

/**
 * One training run of an analytic objective with the native optimizer, all in Java: per step the
 * coefficient a_t, f_t(x) and ∇f_t(x) in float32 ({@link Float32Objective}), the native
 * optimizer's clipped step on the float iterate, then the box projection.
 *
 * <p>Step by step it records what {@code engine.djl.DjlTrainingRun} records for the same cell on
 * the DJL-based native path: a step whose loss or gradient norm is not finite (the norm in float32
 * range, {@link TreeMath#float32Norm}) is recorded and not taken, and training stops there; the
 * evaluation is {@link AnalyticObjective#evalValue} at the iterate (at the optimizer's evaluation
 * point, for Schedule-Free), timed apart from training; a non-finite iterate at the end marks the
 * run diverged. The gradient norms before and after clipping both come from the optimizer's
 * report, so that a step without clipping is never flagged as clipped by two norms that round
 * differently.
 *
 * <p>Per step the loop allocates only the {@link StepRecord} the run keeps: a 200,000-step run
 * spends its time in the optimizer and the records, not in the objective.
 */
public final class AnalyticTrainingRun {

  private final Cell cell;
  private final Workload workload;
  private final AnalyticObjective objective;
  private final RunListener listener;
  private final NativeOptimizer optimizer;
  private ParamTree evaluation;

  /**
   * @param workload an analytic workload ({@link Workload#model()} is an {@link
   *     AnalyticObjective})
   * @param optimizer the cell's optimizer, clipping and schedule, not yet initialised
   */
  public AnalyticTrainingRun(
      Cell cell, Workload workload, RunListener listener, NativeOptimizer optimizer) {
    this.cell = cell;
    this.workload = workload;
    this.objective = (AnalyticObjective) workload.model();
    this.listener = listener;
    this.optimizer = optimizer;
  }

  public RunResult run() {
    RunSeeds seeds = cell.seeds();
    TensorShape shape = objective.parameterShapes().get(0);
    ParamTree params =
        ParamTree.of(new Tensor(shape.name(), shape.dims(), objective.initialValues(seeds.init()).get(0)));
    ParamTree grads = params.zerosLike();
    optimizer.init(params);
    float[] x = params.data(0);
    float[] g = grads.data(0);
    Float32Objective f = new Float32Objective(objective);
    BoxProjection projection = BoxProjection.of(objective);
    RunAccumulator accumulator = new RunAccumulator(cell);
    double wallMs = 0;

    for (int step = 1; step <= cell.steps(); step++) {
      // The coefficient is the float the DJL run feeds its block; drawing it is not timed there.
      float a = (float) objective.coefficient(step, seeds.order());
      long start = System.nanoTime();
      double loss = f.valueAndGradient(x, a, g);
      double normBefore = TreeMath.float32Norm(sumOfSquares(g));
      double lr = optimizer.learningRate(step);
      StepRecord record;
      StepReport report = null;
      if (Double.isFinite(loss) && Double.isFinite(normBefore)) {
        try {
          report = optimizer.step(params, grads, loss);
        } catch (NonFiniteGradientException e) {
          normBefore = Double.NaN;
        }
      }
      if (report == null) {
        // Recorded, not taken, as on the DJL path: a non-finite gradient would only spread NaN.
        wallMs += (System.nanoTime() - start) / 1e6;
        record = new StepRecord(step, loss, normBefore, normBefore, false, Double.NaN, lr,
            Double.NaN, wallMs, Double.NaN, Double.NaN);
      } else {
        if (projection != null) {
          projection.apply(x);
        }
        wallMs += (System.nanoTime() - start) / 1e6;
        double before = report.clip().normBefore();
        double after = report.clip().normAfter();
        record = new StepRecord(step, loss, before, after, after < before,
            report.clip().threshold(), lr, report.stepSize(), wallMs, Double.NaN, Double.NaN);
      }
      boolean going = accumulator.add(record);
      if (going && (step % cell.evalEvery() == 0 || step == cell.steps())) {
        long evalStart = System.nanoTime();
        double eval = objective.evalValue(toDouble(evaluationPoint(params)));
        accumulator.addEvalTime((System.nanoTime() - evalStart) / 1e6);
        record = record.withEval(eval, Double.NaN);
        going = accumulator.replaceLast(record);
      }
      listener.onStep(cell, record);
      if (!going) {
        break;
      }
    }
    if (!accumulator.diverged() && !Float.isFinite(floatSum(x))) {
      accumulator.markDiverged(cell.steps());
    }
    long paramCount = workload.parameterCount();
    RunResult result =
        accumulator.finish(paramCount, paramCount * Float.BYTES, optimizer.stateBytes());
    RunArtifacts artifacts = RunArtifacts.of(
        result.summary(), workload.examplesPerStep(), workload.tokensPerStep(), Map.of());
    listener.onArtifacts(cell, artifacts);
    listener.onRunEnd(result.summary());
    return result.withArtifacts(artifacts);
  }

  /**
   * The point to evaluate: the iterate, or the optimizer's own evaluation point (Schedule-Free's
   * average x), written into a buffer made at the first evaluation.
   */
  private float[] evaluationPoint(ParamTree params) {
    if (!optimizer.hasEvaluationPoint()) {
      return params.data(0);
    }
    if (evaluation == null) {
      evaluation = params.zerosLike();
    }
    optimizer.evaluationPoint(params, evaluation);
    return evaluation.data(0);
  }

  /** Σ g² in double: exact enough to decide whether the float32 norm overflows. */
  private static double sumOfSquares(float[] g) {
    double sum = 0;
    for (float v : g) {
      sum += (double) v * v;
    }
    return sum;
  }

  /**
   * The float sum of the iterate, the DJL run's end-of-run check: finite float values whose sum
   * overflows are ~1e38, i.e. diverged.
   */
  private static float floatSum(float[] x) {
    float sum = 0f;
    for (float v : x) {
      sum += v;
    }
    return sum;
  }

  private static double[] toDouble(float[] x) {
    double[] point = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      point[i] = x[i];
    }
    return point;
  }
}
