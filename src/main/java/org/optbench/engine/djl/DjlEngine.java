package org.optbench.engine.djl;

import java.util.Optional;
import java.util.Set;
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

  /** What this engine implements; the catalogue may name more (they run on other engines). */
  static final Set<String> OPTIMIZERS = Set.of("sgd", "adam");

  static final Set<String> CLIPS = Set.of("none", "global_norm");
  static final Set<String> SCHEDULES = Set.of("constant");

  @Override
  public Optional<String> unsupported(Cell cell) {
    if (!OPTIMIZERS.contains(cell.optimizer().name())) {
      return Optional.of(missing("optimizer", cell.optimizer().name(), OPTIMIZERS));
    }
    if (!CLIPS.contains(cell.clip().name())) {
      return Optional.of(missing("clip", cell.clip().name(), CLIPS));
    }
    if (!SCHEDULES.contains(cell.schedule().name())) {
      return Optional.of(missing("schedule", cell.schedule().name(), SCHEDULES));
    }
    return Optional.empty();
  }

  private static String missing(String axis, String name, Set<String> available) {
    return "grid." + axis + " '" + name + "' has no implementation on engine djl yet; djl runs "
        + String.join(", ", available.stream().sorted().toList())
        + " — choose one of those for this experiment";
  }

  @Override
  public RunResult train(Cell cell, Workload workload, RunListener listener) {
    return new DjlTrainingRun(cell, workload, listener).run();
  }
}
