package org.optbench.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.optbench.optim.FusedStep;
import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.optim.alias.NativeOptimizer;
import org.optbench.optim.alias.NativeOptimizers;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.Component;

/**
 * One {@link NativeOptimizer#step} (gradient check, no clipping, update applied) of every
 * catalogue optimizer at its defaults, on one {@code [size/1000, 1000]} matrix, single thread.
 * Divide the time by {@code size} for ns/param.
 *
 * <p>Optimizers that are chains rewrite the gradient buffer with their update; left alone, the
 * gradients would shrink by lr every step into denormals, which are far slower. So those steps
 * first copy fresh gradients in ({@code refill}: 8 more bytes per parameter moved, measured alone
 * by {@link BandwidthBenchmark#copy}). Fused steps (adam, adamw, amsgrad, and both Adafactors on
 * this matrix) leave the gradients intact and need no refill.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-Xmx4g"})
public class OptimizerStepBenchmark {

  @Param({"sgd", "adam", "adamw", "amsgrad", "adagrad", "rmsprop", "yogi", "lion", "adafactor",
      "adafactor_torch"})
  public String optimizer;

  @Param({"10000", "1000000", "10000000"})
  public int size;

  private NativeOptimizer opt;
  private ParamTree params;
  private ParamTree grads;
  private float[] fresh;
  private boolean refill;

  @Setup(Level.Trial)
  public void setUp() {
    Component o = Component.withDefaults(Catalog.require(Axis.OPTIMIZER, optimizer));
    if (optimizer.equals("sgd")) {
      // SGD with momentum is the configuration people run; plain SGD has no state to move.
      o = with(o, "momentum", 0.9);
    }
    opt = NativeOptimizers.create(o, Component.withDefaults(Catalog.require(Axis.CLIP, "none")),
        Component.withDefaults(Catalog.require(Axis.SCHEDULE, "constant")));
    params = ParamTree.of(new Tensor("w", new int[] {size / 1000, 1000}, random(size, 1)));
    fresh = random(size, 2);
    grads = ParamTree.of(new Tensor("w", new int[] {size / 1000, 1000}, fresh.clone()));
    opt.init(params);
    refill = !(opt.recipe().transform() instanceof FusedStep);
  }

  private static Component with(Component c, String key, Object value) {
    var values = new java.util.LinkedHashMap<>(c.params());
    values.put(key, value);
    return new Component(c.def(), values);
  }

  private static float[] random(int n, long seed) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) (r.nextDouble() * 2 - 1);
    }
    return out;
  }

  @Benchmark
  public Object step() {
    if (refill) {
      System.arraycopy(fresh, 0, grads.data(0), 0, size);
    }
    return opt.step(params, grads, Double.NaN);
  }
}
