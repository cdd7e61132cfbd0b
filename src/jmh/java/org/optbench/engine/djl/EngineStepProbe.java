package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.tracker.Tracker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.optbench.engine.TrainingEngine;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.StepRecord;
import org.optbench.spec.Axis;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.testing.Cells;
import org.optbench.workload.Workload;
import org.optbench.workload.Workloads;

/**
 * The {@code djl} side of {@code tools/bench/djl_vs_torch.py}: a JVM that stays up and trains
 * one cell of the MLP workload 784-256-10, batch 128, each time it reads a line {@code run
 * OPTIMIZER STEPS} on stdin, so that the driver can alternate it with a plain PyTorch loop and
 * both sides see the same machine. The first cell of the JVM is reported like every other, which
 * is how the first-cell penalty is measured.
 *
 * <p>Per cell it prints one line of {@code key=value} pairs: the median and mean step time over
 * steps 31 to STEPS−1 (the steady state; the run's own clock, evaluation excluded, and the last
 * step is left out because it evaluates), the training thread's CPU time per steady-state step
 * (with one intra-op thread libtorch computes on the caller's thread, so this counts the work
 * and not the time the shared machine gave to others), the median of steps 1–30, and minor page
 * faults per
 * steady-state step of the whole process and of the training thread (Linux
 * {@code /proc/self/stat} and {@code /proc/thread-self/stat}, field 10, minflt).
 *
 * <p>{@code run OPTIMIZER STEPS WORKLOAD} trains another workload with its catalogue defaults
 * instead of the MLP ({@code mlp} names the MLP above); {@code run OPTIMIZER STEPS WORKLOAD
 * ENGINE} trains it on {@code djl} (the default) or {@code native} (the Java optimizer on DJL's
 * forward and backward). Each line also gives the model's parameter count and its tensors'
 * shapes in declaration order ({@code shapes=256x784;256;...}), which the driver checks its
 * PyTorch twin against. {@code adam-step STEPS} times the engine-side Adam step alone instead
 * (see {@link #adamStepAlone}).
 *
 * <p>Run: {@code scripts/bench.sh engine-probe}, normally started by the driver.
 */
public final class EngineStepProbe {

  private static final int WARM_STEPS = 30;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws IOException {
    Component workload = Cells.component(Axis.WORKLOAD, "mlp", Map.of("features", 784,
        "hidden", List.of(256), "classes", 10, "batch_size", 128));
    Workload data = Workloads.create(workload);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.out.println("ready");
    System.out.flush();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] words = line.trim().split("\\s+");
      if (words.length == 2 && words[0].equals("adam-step")) {
        System.out.println(adamStepAlone(Integer.parseInt(words[1])));
        System.out.flush();
        continue;
      }
      if (words.length < 3 || words.length > 5 || !words[0].equals("run")) {
        System.out.println("error=usage: run OPTIMIZER STEPS [WORKLOAD [ENGINE]] | adam-step STEPS");
        System.out.flush();
        continue;
      }
      int steps = Integer.parseInt(words[2]);
      // Another workload (char_rnn, tiny_gpt) runs with its catalogue defaults.
      Component chosen = words.length >= 4 && !words[3].equals("mlp")
          ? Cells.component(Axis.WORKLOAD, words[3], Map.of())
          : workload;
      TrainingEngine engine = words.length == 5 ? engine(words[4]) : new DjlEngine();
      if (engine == null) {
        System.out.println("error=no engine " + words[4] + " (djl or native)");
        System.out.flush();
        continue;
      }
      Cell grid = Cells.cell(chosen, Cells.component(Axis.OPTIMIZER, words[1], Map.of()),
          Cells.noClip(), 0, steps, steps);
      Cell cell = new Cell(grid.workload(), grid.optimizer(), grid.clip(), grid.schedule(),
          grid.seed(), grid.dataSeed(), engine.name(), steps, steps);
      System.out.println(measure(cell, engine, chosen == workload ? data : Workloads.create(chosen)));
      System.out.flush();
    }
  }

  private static TrainingEngine engine(String name) {
    return switch (name) {
      case "djl" -> new DjlEngine();
      case "native" -> new NativeEngine();
      default -> null;
    };
  }

  private static String measure(Cell cell, TrainingEngine engine, Workload data) {
    int steps = cell.steps();
    double[] stepMs = new double[steps + 1];
    long[] faults = new long[4];
    long[] cpuNanos = new long[2];
    RunListener listener = new RunListener() {
      private double lastWall;

      @Override
      public void onStep(Cell c, StepRecord record) {
        stepMs[record.step()] = record.wallMs() - lastWall;
        lastWall = record.wallMs();
        if (record.step() == WARM_STEPS) {
          faults[0] = minorFaults("self");
          faults[1] = minorFaults("thread-self");
          cpuNanos[0] = THREADS.getCurrentThreadCpuTime();
        } else if (record.step() == steps - 1) {
          faults[2] = minorFaults("self");
          faults[3] = minorFaults("thread-self");
          cpuNanos[1] = THREADS.getCurrentThreadCpuTime();
        }
      }
    };
    engine.train(cell, data, listener);
    double[] warm = Arrays.copyOfRange(stepMs, 1, WARM_STEPS + 1);
    double[] steady = Arrays.copyOfRange(stepMs, WARM_STEPS + 1, steps);
    int n = steady.length;
    return String.format("median_ms=%.4f mean_ms=%.4f cpu_ms=%.4f warm_median_ms=%.4f"
            + " faults_per_step=%.2f thread_faults_per_step=%.2f params=%d shapes=%s",
        median(steady), Arrays.stream(steady).average().orElse(Double.NaN),
        (cpuNanos[1] - cpuNanos[0]) / 1e6 / n, median(warm),
        (faults[2] - faults[0]) / (double) n, (faults[3] - faults[1]) / (double) n,
        data.parameterCount(), shapes(data));
  }

  /**
   * The model's tensor shapes in declaration order, e.g. {@code 256x784;256;10x256;10}: the
   * shapes {@code DjlNetworks.load} checks the DJL block against, so also the block's own.
   */
  private static String shapes(Workload data) {
    return data.model().parameterShapes().stream()
        .map(shape -> Arrays.stream(shape.dims()).mapToObj(Integer::toString)
            .collect(Collectors.joining("x")))
        .collect(Collectors.joining(";"));
  }

  /**
   * The engine-side Adam step alone on the MLP's four tensors (784×256, 256, 256×10, 10 as
   * DJL lays them out), the way the training loop calls it: {@code updateLive} on flat views of
   * the weights' own gradients. Thread CPU ms per step over the last {@code steps} of 2·steps.
   */
  private static String adamStepAlone(int steps) {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      Shape[] shapes = {new Shape(256, 784), new Shape(256), new Shape(10, 256), new Shape(10)};
      List<NDArray> weights = new ArrayList<>();
      List<NDArray> grads = new ArrayList<>();
      for (Shape shape : shapes) {
        NDArray weight = manager.randomNormal(shape);
        weight.setRequiresGradient(true);
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
          collector.backward(weight.mul(manager.randomNormal(shape)).sum());
        }
        weights.add(weight);
        grads.add(weight.getGradient().reshape(-1));
      }
      TorchAdam adam = TorchAdam.builder().setLearningRateTracker(Tracker.fixed(1e-3f)).build();
      long start = 0;
      for (int step = 0; step < 2 * steps; step++) {
        if (step == steps) {
          start = THREADS.getCurrentThreadCpuTime();
        }
        for (int i = 0; i < shapes.length; i++) {
          adam.updateLive("p" + i, weights.get(i), grads.get(i));
        }
      }
      return String.format("cpu_ms=%.4f", (THREADS.getCurrentThreadCpuTime() - start) / 1e6 / steps);
    }
  }

  /** Field 10 (minflt) of a /proc stat file; the command name in field 2 may hold spaces. */
  private static long minorFaults(String who) {
    try {
      String stat = Files.readString(Path.of("/proc", who, "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[7]);
    } catch (IOException e) {
      return -1;
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
