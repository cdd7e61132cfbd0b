package org.optbench.engine.djl;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.optbench.metrics.RunListener;
import org.optbench.spec.Axis;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.testing.Cells;
import org.optbench.workload.Workload;
import org.optbench.workload.Workloads;

/**
 * Step cost of the engine-side Adam ({@code impl: torch}, {@link TorchAdam}) against DJL's
 * built-in Adam ({@code impl: djl_builtin}) on the MLP workload 784-256-10, batch 128: whole
 * training runs of both alternate, pair after pair, so that load from elsewhere on the shared
 * machine hits both alike (the design of {@link HarnessOverheadComparison}). Figures per pair:
 * training wall time per step (evaluation excluded, from the run's own clock) and the calling
 * thread's CPU time for the whole run. The ratio is the median over pairs of torch / built-in.
 *
 * <p>Run: {@code scripts/bench.sh adam [PAIRS] [STEPS]}.
 */
public final class AdamStepComparison {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) {
    int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 11;
    int steps = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    Component workload = Cells.component(Axis.WORKLOAD, "mlp", Map.of("features", 784,
        "hidden", List.of(256), "classes", 10, "batch_size", 128));
    Workload data = Workloads.create(workload);
    Cell torch = Cells.cell(workload, Cells.component(Axis.OPTIMIZER, "adam", Map.of()),
        Cells.noClip(), 0, steps, steps);
    Cell builtin = Cells.cell(workload, Cells.component(Axis.OPTIMIZER, "adam",
        Map.of("impl", "djl_builtin")), Cells.noClip(), 0, steps, steps);
    for (int i = 0; i < 2; i++) {
      run(torch, data);
      run(builtin, data);
    }
    double[][] t = new double[2][pairs];
    double[][] b = new double[2][pairs];
    for (int i = 0; i < pairs; i++) {
      double[] first = run(i % 2 == 0 ? torch : builtin, data);
      double[] second = run(i % 2 == 0 ? builtin : torch, data);
      double[] tr = i % 2 == 0 ? first : second;
      double[] br = i % 2 == 0 ? second : first;
      for (int k = 0; k < 2; k++) {
        t[k][i] = tr[k];
        b[k][i] = br[k];
      }
      System.out.printf("pair %2d: torch %.3f ms/step (%.0f ms cpu), built-in %.3f ms/step"
          + " (%.0f ms cpu)%n", i + 1, tr[0], tr[1], br[0], br[1]);
    }
    String[] what = {"training wall ms/step", "thread CPU ms/run"};
    for (int k = 0; k < 2; k++) {
      double[] ratio = new double[pairs];
      for (int i = 0; i < pairs; i++) {
        ratio[i] = t[k][i] / b[k][i];
      }
      System.out.printf("%s, median over %d pairs of %d-step runs: torch-semantics Adam %.3f,"
          + " DJL built-in Adam %.3f; ratio %.3f (pair ratios %.3f–%.3f)%n", what[k], pairs,
          steps, median(t[k]), median(b[k]), median(ratio),
          Arrays.stream(ratio).min().orElseThrow(), Arrays.stream(ratio).max().orElseThrow());
    }
  }

  private static double[] run(Cell cell, Workload data) {
    long cpu = THREADS.getCurrentThreadCpuTime();
    var result = new DjlEngine().train(cell, data, RunListener.NONE);
    double cpuMs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
    return new double[] {1000 * result.summary().wallSeconds() / cell.steps(), cpuMs};
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
