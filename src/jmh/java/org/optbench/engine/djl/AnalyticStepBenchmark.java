package org.optbench.engine.djl;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.optbench.engine.analytic.BoxProjection;
import org.optbench.engine.analytic.AnalyticTrainingRun;
import org.optbench.engine.analytic.Float32Objective;
import org.optbench.metrics.RunListener;
import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.optim.alias.NativeOptimizer;
import org.optbench.optim.alias.NativeOptimizers;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.spec.DataSeed;
import org.optbench.testing.Cells;
import org.optbench.workload.AnalyticObjective;
import org.optbench.workload.Workload;
import org.optbench.workload.Workloads;

/**
 * Time per step of Reddi et al.'s online problem (Fig. 1 sequence, x ∈ [−1, 1]) with Adam on the
 * {@code native} engine, three ways, all per step (each method divides by its step count):
 *
 * <ul>
 *   <li>{@code autogradPath}: the DJL-based native run, {@link DjlTrainingRun} with {@link
 *       NativeStep} (libtorch forward and backward, gradient copied out, parameters written
 *       back): what the native engine did before it computed analytic objectives in Java;
 *   <li>{@code javaPath}: {@link AnalyticTrainingRun}, everything a run records included (step
 *       records, evaluation every 100 steps, divergence checks);
 *   <li>{@code stepsOnly}: the same objective, optimizer and projection with nothing recorded,
 *       so {@code javaPath − stepsOnly} is the cost of recording.
 * </ul>
 *
 * Run with {@code scripts/jmh.sh AnalyticStepBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-Dai.djl.pytorch.num_threads=1"
    })
public class AnalyticStepBenchmark {

  static final int AUTOGRAD_STEPS = 2_000;
  static final int JAVA_STEPS = 200_000;
  static final int EVAL_EVERY = 100;

  private Component online;
  private Component adam;
  private Workload workload;

  @Setup
  public void setUp() {
    DjlOffline.enforce();
    online = Cells.component(Axis.WORKLOAD, "online_convex", Map.of());
    adam = Cells.component(Axis.OPTIMIZER, "adam", Map.of("lr", 0.001, "beta1", 0.9, "beta2", 0.99));
    workload = Workloads.create(online);
  }

  private Cell cell(int steps) {
    return new Cell(online, adam, Cells.noClip(),
        Component.withDefaults(Catalog.require(Axis.SCHEDULE, "constant")), 0, DataSeed.DEFAULT,
        "native", steps, EVAL_EVERY);
  }

  private static NativeOptimizer optimizer(Cell cell) {
    return NativeOptimizers.create(cell.optimizer(), cell.clip(), cell.schedule(), cell.steps());
  }

  @Benchmark
  @OperationsPerInvocation(AUTOGRAD_STEPS)
  public Object autogradPath() {
    Cell cell = cell(AUTOGRAD_STEPS);
    return new DjlTrainingRun(cell, workload, RunListener.NONE, NativeStep.of(cell)).run();
  }

  @Benchmark
  @OperationsPerInvocation(JAVA_STEPS)
  public Object javaPath() {
    Cell cell = cell(JAVA_STEPS);
    return new AnalyticTrainingRun(cell, workload, RunListener.NONE, optimizer(cell)).run();
  }

  @Benchmark
  @OperationsPerInvocation(JAVA_STEPS)
  public void stepsOnly(Blackhole sink) {
    Cell cell = cell(JAVA_STEPS);
    AnalyticObjective objective = (AnalyticObjective) workload.model();
    ParamTree params = ParamTree.of(new Tensor("x", new int[] {1}, objective.initialValues(0).get(0)));
    ParamTree grads = params.zerosLike();
    NativeOptimizer optimizer = optimizer(cell).init(params);
    Float32Objective f = new Float32Objective(objective);
    BoxProjection projection = BoxProjection.of(objective);
    long order = cell.seeds().order();
    for (int step = 1; step <= JAVA_STEPS; step++) {
      float a = (float) objective.coefficient(step, order);
      float loss = f.valueAndGradient(params.data(0), a, grads.data(0));
      optimizer.step(params, grads, loss);
      projection.apply(params.data(0));
      sink.consume(loss);
    }
  }
}
