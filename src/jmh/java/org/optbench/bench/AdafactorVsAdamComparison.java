package org.optbench.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;
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
 * <p>With a second argument, the classes folder of another build of optbench (for example the
 * parent commit's {@code target/classes}), both Adafactors of that build are timed as well, as
 * {@code adafactor@base} and {@code adafactor_torch@base}, in the same rounds: that build's
 * classes come first in a class loader of their own, so that before and after share the load of
 * the machine and the JVM.
 *
 * <p>Run: {@code scripts/bench.sh adafactor [ROUNDS] [BASELINE_CLASSES]}.
 */
public final class AdafactorVsAdamComparison {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final List<String> OWN = List.of("adam", "adafactor", "adafactor_torch");
  private static final List<String> BASELINE = List.of("adafactor", "adafactor_torch");
  private static final int[] SIZES = {1_000_000, 10_000_000};
  /** Parameters stepped per timed sample (steps × size): about 0.1–1 s of work per sample. */
  private static final long WORK_PER_SAMPLE = 200_000_000L;

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    ClassLoader baseline = args.length > 1 ? baselineLoader(args[1]) : null;
    List<String> optimizers = new ArrayList<>(OWN);
    if (baseline != null) {
      BASELINE.forEach(o -> optimizers.add(o + "@base"));
    }
    DoubleSupplier[][] sides = new DoubleSupplier[SIZES.length][optimizers.size()];
    double[][][] nsPerParam = new double[SIZES.length][optimizers.size()][rounds];
    for (int s = 0; s < SIZES.length; s++) {
      for (int o = 0; o < optimizers.size(); o++) {
        String name = optimizers.get(o);
        sides[s][o] = name.endsWith("@base")
            ? baselineSide(baseline, name.substring(0, name.length() - "@base".length()), SIZES[s])
            : new Side(name, SIZES[s]);
        sides[s][o].getAsDouble(); // warm-up: JIT compilation and first-touch of the arrays
      }
    }
    for (int r = 0; r < rounds; r++) {
      StringBuilder line = new StringBuilder("round " + (r + 1) + ":");
      for (int s = 0; s < SIZES.length; s++) {
        for (int k = 0; k < optimizers.size(); k++) {
          int o = (k + r) % optimizers.size();
          nsPerParam[s][o][r] = sides[s][o].getAsDouble();
        }
        line.append(String.format("  %.0e:", (double) SIZES[s]));
        for (int o = 0; o < optimizers.size(); o++) {
          line.append(String.format(" %s %.3f", optimizers.get(o), nsPerParam[s][o][r]));
        }
      }
      System.out.println(line);
    }
    System.out.printf("%nns/param (thread CPU time), median of %d rounds; ratio = median of the"
        + " per-round ratios to adam (min–max)%n", rounds);
    for (int s = 0; s < SIZES.length; s++) {
      for (int o = 0; o < optimizers.size(); o++) {
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          ratio[r] = nsPerParam[s][o][r] / nsPerParam[s][0][r];
        }
        System.out.printf("%,12d  %-21s %7.3f ns/param  %5.2f× adam (%.2f–%.2f)%n", SIZES[s],
            optimizers.get(o), median(nsPerParam[s][o]), median(ratio),
            Arrays.stream(ratio).min().orElseThrow(), Arrays.stream(ratio).max().orElseThrow());
      }
      for (int o = 0; o < optimizers.size(); o++) {
        int base = optimizers.indexOf(optimizers.get(o) + "@base");
        if (base >= 0) {
          double[] ratio = new double[rounds];
          for (int r = 0; r < rounds; r++) {
            ratio[r] = nsPerParam[s][o][r] / nsPerParam[s][base][r];
          }
          System.out.printf("%,12d  %-21s %.3f of the baseline's time (%.2f–%.2f)%n", SIZES[s],
              optimizers.get(o), median(ratio), Arrays.stream(ratio).min().orElseThrow(),
              Arrays.stream(ratio).max().orElseThrow());
        }
      }
    }
  }

  /**
   * A class loader in which optbench's classes come from {@code classes} (another build) and
   * everything else, this benchmark included, from this JVM's class path.
   */
  private static ClassLoader baselineLoader(String classes) throws Exception {
    List<URL> urls = new ArrayList<>();
    urls.add(new File(classes).toURI().toURL());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(new File(entry).toURI().toURL());
    }
    return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
  }

  /** A {@link Side} of the other build, created in its class loader. */
  private static DoubleSupplier baselineSide(ClassLoader loader, String optimizer, int size)
      throws ReflectiveOperationException {
    java.lang.reflect.Constructor<?> c =
        loader.loadClass(Side.class.getName()).getDeclaredConstructor(String.class, int.class);
    c.setAccessible(true);
    return (DoubleSupplier) c.newInstance(optimizer, size);
  }

  /** One optimizer on one matrix, with its own parameters and gradients. */
  static final class Side implements DoubleSupplier {
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
    @Override
    public double getAsDouble() {
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
