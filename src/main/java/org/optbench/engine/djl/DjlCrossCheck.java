package org.optbench.engine.djl;

import java.util.ArrayList;
import java.util.List;
import org.optbench.metrics.CrossCheckResult;
import org.optbench.metrics.CrossCheckRow;
import org.optbench.metrics.RunListener;
import org.optbench.optim.alias.NativeOptimizers;
import org.optbench.spec.Cell;
import org.optbench.workload.Workload;

/**
 * Cross-checks the engine-side optimizer of a cell against the native one: {@code lockstep}
 * (same parameters, state and gradients at every step; {@link LockstepStep}) or {@code
 * trajectory} (independent training from the same start; {@link TrajectoryStep}). With {@code
 * impl: djl_builtin} the engine side is DJL's own optimizer, and the rows measure its deviation
 * from torch.optim's semantics.
 */
public final class DjlCrossCheck {

  static {
    DjlOffline.enforce();
  }

  private DjlCrossCheck() {}

  /** The modes a spec's {@code crosscheck:} may name besides {@code none}. */
  public static final List<String> MODES = List.of("lockstep", "trajectory");

  /** Runs the cross-check of {@code cell} (its engine axis is ignored: the engine side is djl). */
  public static CrossCheckResult run(Cell cell, Workload workload, String mode) {
    List<CrossCheckRow> rows = new ArrayList<>();
    EngineStep engine = EngineStep.of(cell);
    var shadow = NativeOptimizers.create(cell.optimizer(), cell.clip(), cell.schedule(), cell.steps());
    StepStrategy strategy = switch (mode) {
      case "lockstep" -> new LockstepStep(engine, shadow, rows, Differences.LOCKSTEP_RTOL);
      case "trajectory" -> new TrajectoryStep(engine, shadow, rows);
      default -> throw new IllegalArgumentException("no cross-check mode " + mode);
    };
    new DjlTrainingRun(cell, workload, RunListener.NONE, strategy).run();
    return new CrossCheckResult(cell, mode, rows);
  }
}
