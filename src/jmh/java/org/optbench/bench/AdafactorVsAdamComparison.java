package org.optbench.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import org.optbench.optim.FusedStep;
import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.optim.alias.NativeOptimizer;
import org.optbench.optim.alias.NativeOptimizers;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.Component;

/**
 * Native Adafactor (both variants) against native Adam, ns per parameter of a full
 * {@link NativeOptimizer#step} at catalogue defaults on one {@code [size/1000, 1000]} matrix,
 * measured round by round in one run so that load from elsewhere hits every side alike: each
 * round times every optimizer at every size once, in an order that rotates from round to round.
 * The figure per optimizer is the median over rounds of the thread's CPU time (single thread, so
 * CPU time counts the work and not the time the shared machine gave to others); the ratio is the
 * median over rounds of the per-round ratio to Adam.
 *
 * <p>A step that rewrites the gradient buffer (not a {@link FusedStep}) gets fresh gradients
 * copied in first, as in {@link OptimizerStepBenchmark}, and that copy is part of its time.
 *
 * <p>Run: {@code scripts/bench.sh adafactor [ROUNDS]}.
 */
public final class AdafactorVsAdamComparison {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final List<String> OPTIMIZERS = List.of("adam", "adafactor", "adafactor_torch");
  private static final int[] SIZES = {1_000_000, 10_000_000};
  /** Parameters stepped per timed sample (steps × size): about 0.1–1 s of work per sample. */
  private static final long WORK_PER_SAMPLE = 200_000_000L;

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    Side[][] sides = new Side[SIZES.length][OPTIMIZERS.size()];
    double[][][] nsPerParam = new double[SIZES.length][OPTIMIZERS.size()][rounds];
    for (int s = 0; s < SIZES.length; s++) {
      for (int o = 0; o < OPTIMIZERS.size(); o++) {
        sides[s][o] = new Side(OPTIMIZERS.get(o), SIZES[s]);
        sides[s][o].time(); // warm-up: JIT compilation and first-touch of the arrays
      }
    }
    for (int r = 0; r < rounds; r++) {
      StringBuilder line = new StringBuilder("round " + (r + 1) + ":");
      for (int s = 0; s < SIZES.length; s++) {
        for (int k = 0; k < OPTIMIZERS.size(); k++) {
          int o = (k + r) % OPTIMIZERS.size();
          nsPerParam[s][o][r] = sides[s][o].time();
        }
        line.append(String.format("  %.0e:", (double) SIZES[s]));
        for (int o = 0; o < OPTIMIZERS.size(); o++) {
          line.append(String.format(" %s %.3f", OPTIMIZERS.get(o), nsPerParam[s][o][r]));
        }
      }
      System.out.println(line);
    }
    System.out.printf("%nns/param (thread CPU time), median of %d rounds; ratio = median of the"
        + " per-round ratios to adam (min–max)%n", rounds);
    for (int s = 0; s < SIZES.length; s++) {
      for (int o = 0; o < OPTIMIZERS.size(); o++) {
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          ratio[r] = nsPerParam[s][o][r] / nsPerParam[s][0][r];
        }
        System.out.printf("%,12d  %-16s %7.3f ns/param  %5.2f× adam (%.2f–%.2f)%n", SIZES[s],
            OPTIMIZERS.get(o), median(nsPerParam[s][o]), median(ratio),
            Arrays.stream(ratio).min().orElseThrow(), Arrays.stream(ratio).max().orElseThrow());
      }
    }
  }

  /** One optimizer on one matrix, with its own parameters and gradients. */
  private static final class Side {
    private final NativeOptimizer opt;
    private final ParamTree params;
    private final ParamTree grads;
    private final float[] fresh;
    private final boolean refill;
    private final int size;
    private final int steps;

    Side(String optimizer, int size) {
      this.size = size;
      this.steps = (int) Math.max(3, WORK_PER_SAMPLE / size);
      Component o = Component.withDefaults(Catalog.require(Axis.OPTIMIZER, optimizer));
      opt = NativeOptimizers.create(o, Component.withDefaults(Catalog.require(Axis.CLIP, "none")),
          Component.withDefaults(Catalog.require(Axis.SCHEDULE, "constant")));
      int[] shape = {size / 1000, 1000};
      params = ParamTree.of(new Tensor("w", shape, random(size, 1)));
      fresh = random(size, 2);
      grads = ParamTree.of(new Tensor("w", shape, fresh.clone()));
      opt.init(params);
      refill = !(opt.recipe().transform() instanceof FusedStep);
    }

    /** ns per parameter per step, thread CPU time over {@link #steps} steps. */
    double time() {
      long cpu = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < steps; i++) {
        if (refill) {
          System.arraycopy(fresh, 0, grads.data(0), 0, size);
        }
        opt.step(params, grads, Double.NaN);
      }
      return (THREADS.getCurrentThreadCpuTime() - cpu) / ((double) steps * size);
    }
  }

  private static float[] random(int n, long seed) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) (r.nextDouble() * 2 - 1);
    }
    return out;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
