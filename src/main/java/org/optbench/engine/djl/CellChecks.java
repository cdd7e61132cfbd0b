package org.optbench.engine.djl;

import java.util.Optional;
import org.optbench.optim.alias.NativeOptimizers;
import org.optbench.spec.Cell;
import org.optbench.workload.Workload;
import org.optbench.workload.WorkloadValidation;

/** The checks both DJL-based engines make before anything runs. */
final class CellChecks {

  private CellChecks() {}

  /**
   * Refuses an optimizer that takes a Hessian-diagonal estimate (Sophia) on a workload whose
   * loss samples no labels, for cells that reach an engine without the spec check.
   *
   * @throws IllegalArgumentException saying why
   */
  static void requireSampledLabels(Cell cell, Workload workload) {
    WorkloadValidation.sampledLabelsProblem(cell.optimizer(), workload).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
  }

  /**
   * The optimizer's cross-parameter rules and the schedule's length, as the native library
   * states them (both engines refuse the same cells).
   */
  static Optional<String> refused(Cell cell, String engine) {
    if (DjlOptimizers.builtin(cell.optimizer())) {
      var o = cell.optimizer();
      boolean torchOnly = o.has("amsgrad") && o.flag("amsgrad")
          || o.has("nesterov") && o.flag("nesterov")
          || o.has("dampening") && o.number("dampening") != 0;
      if (torchOnly) {
        return Optional.of("grid.optimizer '" + o.label() + "': DJL's built-in " + o.name()
            + " has no amsgrad, nesterov or dampening; use impl: torch for those");
      }
    }
    try {
      NativeOptimizers.create(cell.optimizer(), cell.clip(), cell.schedule(), cell.steps());
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage() + " (engine " + engine + ")");
    }
  }
}
