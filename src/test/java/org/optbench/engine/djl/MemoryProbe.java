package org.optbench.engine.djl;

import org.optbench.spec.DataSeed;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import org.optbench.engine.TrainingEngine;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.StepRecord;
import org.optbench.runner.ResidentMemory;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.testing.Cells;
import org.optbench.workload.Workloads;

/**
 * Trains an MLP with Adam for the given number of steps on the given engine and prints the
 * resident set size at steps 500, 1,000, 5,000 and 10,000 (those reached). Run in a child JVM
 * whose heap is fixed and pre-touched, so that RSS growth is native growth and not the Java
 * heap's first touch of its pages. With {@code --leak=KB} it also keeps one array of that many
 * kilobytes per step alive, which the check must catch.
 *
 * <p>Arguments: {@code ENGINE STEPS [--leak=KB]}.
 */
public final class MemoryProbe {

  private static final int[] MARKS = {500, 1000, 5000, 10000};

  public static void main(String[] args) {
    String engineName = args[0];
    int steps = Integer.parseInt(args[1]);
    int leakedKilobytes = args.length > 2 ? Integer.parseInt(args[2].substring("--leak=".length())) : 0;
    int leakedFloats = leakedKilobytes * 1024 / Float.BYTES;
    Component workload =
        Cells.component(
            Axis.WORKLOAD, "mlp", Map.of("features", 32, "hidden", List.of(128, 128), "classes", 10));
    Component adam = Cells.component(Axis.OPTIMIZER, "adam", Map.of("lr", 0.001));
    Cell cell = new Cell(workload, adam, Cells.noClip(),
        Component.withDefaults(Catalog.require(Axis.SCHEDULE, "constant")), 0, DataSeed.DEFAULT, engineName, steps,
        steps);
    TrainingEngine engine = engineName.equals("native") ? new NativeEngine() : new DjlEngine();
    long[] rss = new long[MARKS.length];
    try (NDManager leaked = NDManager.newBaseManager("PyTorch")) {
      RunListener probe =
          new RunListener() {
            @Override
            public void onStep(Cell c, StepRecord step) {
              if (leakedFloats > 0) {
                leaked.ones(new ai.djl.ndarray.types.Shape(leakedFloats));
              }
              for (int i = 0; i < MARKS.length; i++) {
                if (step.step() == MARKS[i]) {
                  rss[i] = ResidentMemory.bytes();
                }
              }
            }
          };
      engine.train(cell, Workloads.create(workload), probe);
    }
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < MARKS.length; i++) {
      line.append("rss").append(MARKS[i]).append('=').append(rss[i]).append(' ');
    }
    System.out.println(line.toString().strip());
  }
}
