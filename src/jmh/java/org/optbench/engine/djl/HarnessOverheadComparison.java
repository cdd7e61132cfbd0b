package org.optbench.engine.djl;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The harness-overhead ratio measured robustly on a shared machine: optbench's run and the bare
 * DJL loop of {@link HarnessOverheadBenchmark} alternate, pair after pair, so that load from
 * elsewhere hits both sides alike. Each run is timed twice: wall time, and the CPU time of the
 * calling thread. With one intra-op thread libtorch computes on the caller's thread, so CPU time
 * counts the work itself and not the time the machine gave to someone else; it is the primary
 * figure. The ratio is the median over pairs of optbench / bare.
 *
 * <p>Run: {@code scripts/bench.sh harness [PAIRS]}. JMH's {@code scripts/jmh.sh HarnessOverhead}
 * measures the two sides one after the other instead, which on two shared cores mixes machine
 * drift into the ratio.
 */
public final class HarnessOverheadComparison {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) {
    int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    HarnessOverheadBenchmark benchmark = new HarnessOverheadBenchmark();
    benchmark.setUp();
    for (int i = 0; i < 3; i++) {
      benchmark.optbenchRun();
      benchmark.bareDjlLoop();
    }
    double[][] optbench = new double[2][pairs];
    double[][] bare = new double[2][pairs];
    for (int i = 0; i < pairs; i++) {
      // Alternate which side goes first, so neither always runs on a warmer machine.
      if (i % 2 == 0) {
        time(benchmark::optbenchRun, optbench, i);
        time(benchmark::bareDjlLoop, bare, i);
      } else {
        time(benchmark::bareDjlLoop, bare, i);
        time(benchmark::optbenchRun, optbench, i);
      }
      System.out.printf(
          "pair %2d: optbench %7.1f ms cpu (%7.1f wall), bare DJL %7.1f ms cpu (%7.1f wall)%n",
          i + 1, optbench[0][i], optbench[1][i], bare[0][i], bare[1][i]);
    }
    String[] clocks = {"thread CPU time", "wall time"};
    for (int clock = 0; clock < 2; clock++) {
      double[] ratio = new double[pairs];
      for (int i = 0; i < pairs; i++) {
        ratio[i] = optbench[clock][i] / bare[clock][i];
      }
      System.out.printf(
          "%s, median over %d pairs of %d-step runs: optbench %.1f ms, bare DJL %.1f ms;"
              + " overhead %.1f%% (pair ratios %.3f–%.3f)%n",
          clocks[clock], pairs, HarnessOverheadBenchmark.STEPS, median(optbench[clock]),
          median(bare[clock]), 100 * (median(ratio) - 1),
          Arrays.stream(ratio).min().orElseThrow(), Arrays.stream(ratio).max().orElseThrow());
    }
  }

  private static void time(Runnable run, double[][] into, int index) {
    long cpu = THREADS.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    run.run();
    into[1][index] = (System.nanoTime() - wall) / 1e6;
    into[0][index] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
