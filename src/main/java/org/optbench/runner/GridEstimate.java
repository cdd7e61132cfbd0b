package org.optbench.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.optim.alias.NativeOptimizers;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.spec.ParamAssignment;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.PresetPoint;
import org.optbench.workload.Footprint;
import org.optbench.workload.TensorShape;
import org.optbench.workload.Workload;

/**
 * What a spec will cost, estimated before it runs (for {@code validate}): training time from the
 * cost model that sizes worker pools ({@link CellCost}: within 2× of the measured time of every
 * shipped experiment on the development machine), and the memory of one run of each workload.
 *
 * @param trainingSeconds estimated training time of the whole grid on one core
 * @param runs memory of one run per workload, in the spec's order
 */
public record GridEstimate(double trainingSeconds, List<RunMemory> runs) {

  /**
   * Memory of one run in bytes, fp32 throughout: parameters, one gradient per parameter, the
   * optimizer's state (the largest among the spec's optimizers), the dataset and a batch's
   * largest activation ({@link Footprint}).
   *
   * @param stateOptimizer the optimizer whose state counted
   */
  public record RunMemory(Component workload, long parameters, long gradients, long state,
      String stateOptimizer, long data, long activations) {

    public long total() {
      return parameters + gradients + state + data + activations;
    }
  }

  /**
   * The estimate for {@code spec}.
   *
   * @param workloads every workload of the spec, made
   */
  public static GridEstimate of(ExperimentSpec spec, Map<Component, Workload> workloads) {
    double cost = 0;
    List<Cell> planned = new ArrayList<>(spec.cells());
    planned.addAll(spec.rerunStandIns());
    for (Cell cell : planned) {
      cost += CellCost.of(cell, workloads.get(cell.workload()));
    }
    List<Component> optimizers = new ArrayList<>(spec.optimizers());
    spec.presets().stream().map(PresetPoint::optimizer).forEach(optimizers::add);
    // A tuned optimizer's state does not depend on the values tried: its first trial stands in.
    spec.tuning().optimizers().forEach(
        t -> optimizers.add(t.studies().get(0).get(0).optimizer()));
    List<RunMemory> runs = new ArrayList<>();
    for (Component w : spec.workloads()) {
      Footprint size = Footprint.of(w, workloads.get(w));
      long floats = 4L * size.parameters();
      long state = -1;
      String stateOptimizer = "";
      for (Component optimizer : optimizers) {
        long bytes = ParamAssignment.needed(optimizer)
            ? groupedStateBytes(optimizer, workloads.get(w))
            : stateBytesPerParameter(optimizer) * size.parameters();
        if (bytes > state) {
          state = bytes;
          stateOptimizer = optimizer.label();
        }
      }
      runs.add(new RunMemory(w, floats, floats, Math.max(0, state), stateOptimizer, 4L * size.dataValues(),
          4L * size.activationValues()));
    }
    return new GridEstimate(cost / CellCost.PER_SECOND, runs);
  }

  /**
   * The optimizer's state formula (docs/optimizers.md) on a single parameter: exact for the
   * per-parameter buffers of SGD, Adam and the like, an upper bound for Adafactor, whose
   * factored matrices need far less.
   */
  /**
   * An entry with parameter groups: each group's formula on its own tensors, so the model's real
   * shapes are needed (which tensors Muon takes, which go to AdamW).
   */
  private static long groupedStateBytes(Component optimizer, Workload workload) {
    List<Tensor> tensors = new ArrayList<>();
    for (TensorShape shape : workload.parameterShapes()) {
      tensors.add(Tensor.zeros(shape.name(), shape.dims()));
    }
    return NativeOptimizers.recipe(optimizer).stateFormula().evaluate(ParamTree.of(tensors));
  }

  private static long stateBytesPerParameter(Component optimizer) {
    return NativeOptimizers.recipe(optimizer).stateFormula()
        .evaluate(ParamTree.of(Tensor.zeros("probe", 1)));
  }
}
