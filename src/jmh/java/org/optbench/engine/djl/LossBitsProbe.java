package org.optbench.engine.djl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.StepRecord;
import org.optbench.spec.Axis;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.testing.Cells;
import org.optbench.workload.Workloads;

/**
 * Prints, for a fixed set of {@code djl} cells of a small MLP (64-32-10, batch 32: Adafactor in
 * both variants, the value, stat and agc clipping methods, and the other engine-side optimizers),
 * every step's training loss, clipped gradient norm, clipping threshold and step size
 * as raw IEEE-754 bits, one line per step. Run it with two builds' classes and {@code diff} the
 * outputs: a rewrite that keeps the float32 op sequence must leave them identical to the bit.
 *
 * <p>Run: {@code java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -cp CLASSES:DEPS
 * org.optbench.engine.djl.LossBitsProbe [STEPS]}.
 */
public final class LossBitsProbe {

  private LossBitsProbe() {}

  public static void main(String[] args) {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    Component workload = Cells.component(Axis.WORKLOAD, "mlp", Map.of("features", 64,
        "hidden", List.of(32), "classes", 10, "batch_size", 32));
    Map<String, Cell> cells = new LinkedHashMap<>();
    Component adam = Cells.component(Axis.OPTIMIZER, "adam", Map.of());
    cells.put("adafactor", cell(workload, optimizer("adafactor", Map.of()), Cells.noClip(), steps));
    cells.put("adafactor beta1 wd", cell(workload, optimizer("adafactor",
        Map.of("beta1", 0.9, "weight_decay", 0.1)), Cells.noClip(), steps));
    cells.put("adafactor lr unfactored", cell(workload, optimizer("adafactor",
        Map.of("lr", 1e-2, "relative_step", false, "factored", false)), Cells.noClip(), steps));
    cells.put("adafactor lr clip0.5 beta2", cell(workload, optimizer("adafactor",
        Map.of("lr", 1e-2, "relative_step", false, "clip_threshold", 0.5, "beta2", 0.99,
            "scale_parameter", false)), Cells.noClip(), steps));
    cells.put("adafactor_torch", cell(workload, optimizer("adafactor_torch", Map.of()),
        Cells.noClip(), steps));
    cells.put("adafactor_torch wd eps1", cell(workload, optimizer("adafactor_torch",
        Map.of("weight_decay", 0.1, "eps1", 1e-3, "d", 2.0)), Cells.noClip(), steps));
    cells.put("value", cell(workload, adam, clip("value", Map.of("max_value", 0.01)), steps));
    cells.put("stat", cell(workload, adam, clip("stat", Map.of("k", 1.0)), steps));
    cells.put("agc", cell(workload, adam, clip("agc", Map.of()), steps));
    cells.put("agc loose", cell(workload, adam, clip("agc", Map.of("clipping", 0.05)), steps));
    // The optimizers that share TorchOptimizer's in-place copy.
    cells.put("adam wd", cell(workload, optimizer("adam", Map.of("weight_decay", 0.1)),
        Cells.noClip(), steps));
    cells.put("adamw", cell(workload, optimizer("adamw", Map.of()), Cells.noClip(), steps));
    cells.put("amsgrad", cell(workload, optimizer("amsgrad", Map.of()), Cells.noClip(), steps));
    cells.put("sgd nesterov wd", cell(workload, optimizer("sgd", Map.of("momentum", 0.9,
        "nesterov", true, "weight_decay", 0.01)), Cells.noClip(), steps));
    cells.put("sgd dampening", cell(workload, optimizer("sgd", Map.of("momentum", 0.9,
        "dampening", 0.5)), Cells.noClip(), steps));
    cells.put("rmsprop centered", cell(workload, optimizer("rmsprop", Map.of("centered", true,
        "momentum", 0.9, "weight_decay", 0.01)), Cells.noClip(), steps));
    cells.put("adagrad wd", cell(workload, optimizer("adagrad", Map.of("weight_decay", 0.01)),
        Cells.noClip(), steps));
    cells.put("lion wd", cell(workload, optimizer("lion", Map.of("weight_decay", 0.1)),
        Cells.noClip(), steps));
    cells.put("yogi", cell(workload, optimizer("yogi", Map.of()), Cells.noClip(), steps));
    cells.forEach((name, cell) -> {
      RunListener listener = new RunListener() {
        @Override
        public void onStep(Cell c, StepRecord r) {
          System.out.printf("%s %d %x %x %x %x%n", name, r.step(),
              Double.doubleToRawLongBits(r.loss()), Double.doubleToRawLongBits(r.gradNormClipped()),
              Double.doubleToRawLongBits(r.clipThreshold()), Double.doubleToRawLongBits(r.stepSize()));
        }
      };
      new DjlEngine().train(cell, Workloads.create(workload), listener);
    });
  }

  private static Component optimizer(String name, Map<String, Object> overrides) {
    return Cells.component(Axis.OPTIMIZER, name, overrides);
  }

  private static Component clip(String name, Map<String, Object> overrides) {
    return Cells.component(Axis.CLIP, name, overrides);
  }

  private static Cell cell(Component workload, Component optimizer, Component clip, int steps) {
    return Cells.cell(workload, optimizer, clip, 0, steps, steps);
  }
}
