package org.optbench.engine.djl;

import java.util.Optional;
import org.optbench.engine.TrainingEngine;
import org.optbench.engine.analytic.AnalyticTrainingRun;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.RunResult;
import org.optbench.optim.alias.NativeOptimizers;
import org.optbench.spec.Cell;
import org.optbench.workload.AnalyticObjective;
import org.optbench.workload.Workload;

/**
 * The {@code native} engine: DJL still runs forward and backward; the gradients are copied into
 * float arrays, the native Java optimizer ({@code org.optbench.optim}) clips and computes the
 * step on its own copy of the parameters, and the parameters are written back into the model.
 * Non-finite gradients stop the run as diverged (the native optimizer refuses them before
 * writing anything).
 *
 * <p>Analytic objectives skip DJL altogether: their value and gradient have closed forms, which
 * {@link AnalyticTrainingRun} computes in Java with the float32 arithmetic of the autograd graph,
 * so a step costs nanoseconds instead of a libtorch forward and backward pass.
 */
public final class NativeEngine implements TrainingEngine {

  static {
    DjlOffline.enforce();
  }

  @Override
  public String name() {
    return "native";
  }

  @Override
  public Optional<String> unsupported(Cell cell) {
    if (DjlOptimizers.builtin(cell.optimizer())) {
      return Optional.of("grid.optimizer '" + cell.optimizer().label() + "': impl "
          + DjlOptimizers.BUILTIN + " is DJL's own optimizer and runs only on engine djl;"
          + " use impl: torch on engine native");
    }
    return CellChecks.refused(cell, name());
  }

  @Override
  public RunResult train(Cell cell, Workload workload, RunListener listener) {
    CellChecks.requireSampledLabels(cell, workload);
    if (workload.model() instanceof AnalyticObjective) {
      return new AnalyticTrainingRun(cell, workload, listener, NativeOptimizers.create(
          cell.optimizer(), cell.clip(), cell.schedule(), cell.steps())).run();
    }
    return new DjlTrainingRun(cell, workload, listener, NativeStep.of(cell)).run();
  }
}
