package org.optbench.engine.djl;

import org.optbench.engine.TrainingEngine;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.RunResult;
import org.optbench.spec.Cell;
import org.optbench.workload.Workload;

/**
 * The {@code djl} engine: DJL with the PyTorch engine runs forward, backward and the optimizer
 * step; optimizers follow torch.optim's semantics ({@link TorchSgd}, {@link TorchAdam}).
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
  public RunResult train(Cell cell, Workload workload, RunListener listener) {
    return new DjlTrainingRun(cell, workload, listener).run();
  }
}
