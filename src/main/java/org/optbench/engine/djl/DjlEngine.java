package org.optbench.engine.djl;

import java.util.Optional;
import org.optbench.engine.TrainingEngine;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.RunResult;
import org.optbench.spec.Cell;
import org.optbench.workload.Workload;

/**
 * The {@code djl} engine: DJL with the PyTorch engine runs forward, backward and the optimizer
 * step. Every optimizer, clipping method and schedule of the catalogue runs as engine code over
 * NDArrays with torch.optim's semantics ({@link TorchSgd}, {@link TorchAdam}, ...); sgd, adam and
 * adamw with {@code impl: djl_builtin} run DJL's own optimizers instead.
 */
public final class DjlEngine implements TrainingEngine {

  static {
    DjlOffline.enforce();
  }

  @Override
  public String name() {
    return "djl";
  }

  @Override
  public Optional<String> unsupported(Cell cell) {
    return CellChecks.refused(cell, name());
  }

  @Override
  public RunResult train(Cell cell, Workload workload, RunListener listener) {
    CellChecks.requireSampledLabels(cell, workload);
    return new DjlTrainingRun(cell, workload, listener, EngineStep.of(cell)).run();
  }
}
