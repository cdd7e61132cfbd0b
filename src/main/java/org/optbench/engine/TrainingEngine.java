package org.optbench.engine;

import java.util.Optional;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.RunResult;
import org.optbench.spec.Cell;
import org.optbench.workload.Workload;

/**
 * Trains one grid cell. Implementations differ in where the optimizer step runs; the workload,
 * its data order and its initial parameters are the same for all of them.
 */
public interface TrainingEngine {

  /** The name specs use in {@code engines:}. */
  String name();

  /**
   * Why this engine cannot train {@code cell} (an optimizer, clipping method or schedule it does
   * not implement), or empty when it can. Checked for every cell before anything runs.
   */
  Optional<String> unsupported(Cell cell);

  /**
   * Trains {@code cell} on {@code workload} for {@code cell.steps()} steps, or until divergence.
   * A diverged run is a result, not an error.
   */
  RunResult train(Cell cell, Workload workload, RunListener listener);
}
