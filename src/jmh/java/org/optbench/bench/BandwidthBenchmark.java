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
import org.optbench.optim.StepContext;
import org.optbench.optim.Tensor;
import org.optbench.optim.TransformState;
import org.optbench.optim.transform.FusedAdam;

/**
 * The memory roofline the optimizer steps are judged against, single thread:
 *
 * <ul>
 *   <li>{@code copy}: {@code System.arraycopy} of {@code size} floats, 8 bytes per element
 *       counted (one read, one write); bandwidth = 8·size / time.
 *   <li>{@code adamKernel}: the fused Adam kernel alone (no gradient check), which must move
 *       28 bytes per parameter: read p, g, m, v; write p, m, v. Its roofline time is
 *       28·size / copy bandwidth.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-Xmx4g"})
public class BandwidthBenchmark {

  @Param({"10000", "1000000", "10000000"})
  public int size;

  private float[] src;
  private float[] dst;
  private FusedStep adam;
  private TransformState state;
  private ParamTree params;
  private ParamTree grads;
  private final StepContext context = new StepContext();
  private int t;

  @Setup(Level.Trial)
  public void setUp() {
    src = new float[size];
    dst = new float[size];
    java.util.Arrays.fill(src, 0.5f);
    params = ParamTree.of(new Tensor("w", new int[] {size}, src.clone()));
    grads = ParamTree.of(new Tensor("w", new int[] {size}, src.clone()));
    adam = FusedAdam.fusedAdam(0.9, 0.999, 1e-8, 0, false, false);
    state = adam.init(params);
  }

  @Benchmark
  public float[] copy() {
    System.arraycopy(src, 0, dst, 0, size);
    return dst;
  }

  @Benchmark
  public ParamTree adamKernel() {
    adam.step(params, grads, state, context.set(++t, 1e-3, Double.NaN));
    return params;
  }
}
