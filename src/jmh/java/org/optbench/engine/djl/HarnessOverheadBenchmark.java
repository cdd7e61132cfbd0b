package org.optbench.engine.djl;

import org.optbench.spec.DataSeed;
import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.optbench.dataset.BatchSampler;
import org.optbench.dataset.DataSplit;
import org.optbench.dataset.TabularData;
import org.optbench.metrics.RunListener;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.workload.Workload;
import org.optbench.workload.Workloads;

/**
 * Harness overhead: optbench's training run versus the plainest DJL loop that trains the same MLP
 * (784-256-10, batch 128) with the same optimizer, data and initial weights, for 200 steps.
 *
 * <p>What optbench adds per step and the bare loop does not: the global gradient norm (one
 * reduction per tensor), reading the loss back, the step record, the listener call and the
 * divergence checks. The score is milliseconds per 200-step run; the overhead is
 * {@code optbenchRun / bareDjlLoop − 1}. Run with {@code scripts/jmh.sh HarnessOverhead}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-Dai.djl.pytorch.num_threads=1",
      "-Xms512m", "-Xmx512m"
    })
public class HarnessOverheadBenchmark {

  static final int STEPS = 200;

  private Cell cell;
  private Workload workload;
  private DataSplit data;

  @Setup
  public void setUp() {
    DjlOffline.enforce();
    Component mlp =
        component(Axis.WORKLOAD, "mlp",
            Map.of("features", 784, "hidden", List.of(256), "classes", 10, "batch_size", 128,
                "train_size", 4096, "eval_size", 128));
    Component adam = component(Axis.OPTIMIZER, "adam", Map.of("lr", 0.001));
    Component none = Component.withDefaults(Catalog.require(Axis.CLIP, "none"));
    Component constant = Component.withDefaults(Catalog.require(Axis.SCHEDULE, "constant"));
    // eval_every = STEPS: one evaluation at the end, which optbench excludes from its timing but
    // which is inside this benchmark's time; it is one forward pass over 128 examples.
    cell = new Cell(mlp, adam, none, constant, 0, DataSeed.DEFAULT, "djl", STEPS, STEPS);
    workload = Workloads.create(mlp);
    data = workload.data().apply(0L);
  }

  @Benchmark
  public Object optbenchRun() {
    return new DjlEngine().train(cell, workload, RunListener.NONE);
  }

  @Benchmark
  public float bareDjlLoop() {
    TabularData train = data.train();
    int batch = workload.batchSize();
    TorchAdam adam = TorchAdam.builder().setLearningRateTracker(Tracker.fixed(0.001f)).build();
    Loss loss = new SoftmaxCrossEntropyLoss();
    float last = 0;
    try (Model model = Model.newInstance("bare", Device.cpu(), "PyTorch")) {
      model.setBlock(DjlNetworks.build(workload.model()));
      try (Trainer trainer =
          model.newTrainer(new DefaultTrainingConfig(loss).optOptimizer(adam)
              .optDevices(new Device[] {Device.cpu()}))) {
        trainer.initialize(new Shape(batch, train.cols()));
        DjlNetworks.load(model.getBlock(), workload.model(), workload.model().initialValues(0));
        BatchSampler sampler = new BatchSampler(train.rows(), batch, 0);
        ReusableInput xInput = new ReusableInput(new Shape(batch, train.cols()));
        ReusableInput yInput = new ReusableInput(Targets.shape(batch, 1, workload));
        int[] indices = new int[batch];
        float[] x = new float[batch * train.cols()];
        float[] y = new float[batch];
        for (int step = 1; step <= STEPS; step++) {
          sampler.next(indices);
          train.gather(indices, x, y);
          try (NDManager stepManager = model.getNDManager().newSubManager()) {
            NDArray xs = xInput.wrap(stepManager, x);
            NDArray ys = yInput.wrap(stepManager, Targets.encode(y, workload));
            try (GradientCollector collector = trainer.newGradientCollector()) {
              NDArray value = loss.evaluate(new NDList(ys), trainer.forward(new NDList(xs)));
              collector.backward(value);
              if (step == STEPS) {
                last = value.getFloat();
              }
            }
            trainer.step();
          }
        }
      }
    }
    return last;
  }

  private static Component component(Axis axis, String name, Map<String, Object> overrides) {
    Component defaults = Component.withDefaults(Catalog.require(axis, name));
    Map<String, Object> params = new java.util.LinkedHashMap<>(defaults.params());
    params.putAll(overrides);
    return new Component(defaults.def(), params);
  }
}
