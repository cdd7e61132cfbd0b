package org.optbench.engine.djl;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.StepRecord;
import org.optbench.runner.ResidentMemory;
import org.optbench.spec.Axis;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.testing.Cells;
import org.optbench.workload.Workloads;

/**
 * Trains a 5,000-step MLP and prints the resident set size at steps 500 and 5,000. Run in a
 * child JVM whose heap is fixed and pre-touched, so that RSS growth is native growth and not the
 * Java heap's first touch of its pages. With {@code --leak} it also keeps one 4 KB array per step
 * alive, which the check must catch.
 */
public final class MemoryProbe {

  public static void main(String[] args) {
    boolean leak = args.length > 0 && args[0].equals("--leak");
    Component workload =
        Cells.component(
            Axis.WORKLOAD, "mlp", Map.of("features", 32, "hidden", List.of(128, 128), "classes", 10));
    Component adam = Cells.component(Axis.OPTIMIZER, "adam", Map.of("lr", 0.001));
    Cell cell = Cells.cell(workload, adam, Cells.noClip(), 0, 5000, 1000);
    long[] rss = new long[2];
    try (NDManager leaked = NDManager.newBaseManager("PyTorch")) {
      RunListener probe =
          new RunListener() {
            @Override
            public void onStep(Cell c, StepRecord step) {
              if (leak) {
                leaked.ones(new ai.djl.ndarray.types.Shape(1024));
              }
              if (step.step() == 500) {
                rss[0] = ResidentMemory.bytes();
              } else if (step.step() == 5000) {
                rss[1] = ResidentMemory.bytes();
              }
            }
          };
      new DjlEngine().train(cell, Workloads.create(workload), probe);
    }
    System.out.println("rss500=" + rss[0] + " rss5000=" + rss[1]);
  }
}
