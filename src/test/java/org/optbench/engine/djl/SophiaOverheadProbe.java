package org.optbench.engine.djl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.optbench.engine.TrainingEngine;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.StepRecord;
import org.optbench.spec.Axis;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.spec.CurvatureNeed;
import org.optbench.testing.Cells;
import org.optbench.workload.Workloads;

/**
 * What Sophia's Gauss–Newton–Bartlett pass costs: Adam and Sophia (update_interval 10, and 1)
 * train the same mlp (hidden [32], synthetic_blobs, 3 classes, batch 64) on one engine, in
 * alternating rounds within one JVM after a warm-up run, and the probe prints the median time of
 * a step per optimizer (for Sophia separately for the steps that run the extra pass and the
 * others) and Sophia's throughput relative to Adam's, from those medians. Medians of per-step
 * times, not a run's mean, so that other processes' bursts on a shared machine do not decide the
 * figure. Run with {@code -Dai.djl.pytorch.num_threads=1}.
 *
 * <p>Arguments: {@code ENGINE STEPS ROUNDS}.
 */
public final class SophiaOverheadProbe {

  public static void main(String[] args) {
    String engineName = args[0];
    int steps = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    Component workload = Cells.component(Axis.WORKLOAD, "mlp",
        Map.of("hidden", List.of(32), "classes", 3, "batch_size", 64));
    Component adam = Cells.component(Axis.OPTIMIZER, "adam", Map.of("lr", 0.01));
    Component sophia10 = Cells.component(Axis.OPTIMIZER, "sophia", Map.of("lr", 0.01));
    Component sophia1 = Cells.component(Axis.OPTIMIZER, "sophia",
        Map.of("lr", 0.01, "update_interval", 1));
    List<Component> optimizers = List.of(adam, sophia10, sophia1);
    TrainingEngine engine = engineName.equals("djl") ? new DjlEngine() : new NativeEngine();
    train(engine, workload, adam, steps, new ArrayList<>(), new ArrayList<>());
    List<List<Double>> plain = new ArrayList<>();
    List<List<Double>> withPass = new ArrayList<>();
    for (int i = 0; i < optimizers.size(); i++) {
      plain.add(new ArrayList<>());
      withPass.add(new ArrayList<>());
    }
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < optimizers.size(); i++) {
        train(engine, workload, optimizers.get(i), steps, plain.get(i), withPass.get(i));
      }
    }
    double adamMs = median(plain.get(0));
    System.out.printf("%s: adam %.4f ms/step (median of %d steps)%n", engineName, adamMs,
        plain.get(0).size());
    for (int i = 1; i < optimizers.size(); i++) {
      int k = optimizers.get(i).integer("update_interval");
      double due = median(withPass.get(i));
      double other = plain.get(i).isEmpty() ? due : median(plain.get(i));
      double mean = (due + (k - 1) * other) / k;
      System.out.printf("%s: sophia k=%d: %.4f ms/step without the pass, %.4f with it;"
          + " %.4f ms/step on average, %.3f of adam's steps/s%n", engineName, k, other, due,
          mean, adamMs / mean);
    }
  }

  /** One run; its per-step times go to {@code plain} or, at refreshing steps, {@code withPass}. */
  private static void train(TrainingEngine engine, Component workload, Component optimizer,
      int steps, List<Double> plain, List<Double> withPass) {
    Cell cell = Cells.cell(workload, optimizer, Cells.noClip(), 0, steps, steps);
    double[] last = {0};
    engine.train(cell, Workloads.create(workload), new RunListener() {
      @Override
      public void onStep(Cell c, StepRecord step) {
        double ms = step.wallMs() - last[0];
        last[0] = step.wallMs();
        // The first steps of a run warm its allocator and caches; they are not its steady state.
        if (step.step() > steps / 10) {
          boolean pass = CurvatureNeed.takesEstimates(optimizer)
              && CurvatureNeed.dueAt(optimizer, step.step());
          (pass ? withPass : plain).add(ms);
        }
      }
    });
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
