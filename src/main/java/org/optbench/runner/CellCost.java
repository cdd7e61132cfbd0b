package org.optbench.runner;

import org.optbench.spec.Cell;
import org.optbench.workload.AnalyticObjective;
import org.optbench.workload.Workload;

/**
 * A rough estimate of what training a cell costs, in multiply-adds: steps × (a fixed cost per step
 * + the step's forward multiply-adds). It ranks cells and sizes a {@link WorkerPool}; it is not a
 * prediction to report. On the 2-core development machine it came within a factor of two of the
 * measured training time of every shipped experiment (quickstart 8 s estimated vs 8 s measured,
 * repro_gpt3_recipe 122 s vs 115 s, repro_adaptive_clip 132 s vs 75 s).
 */
final class CellCost {

  /**
   * What a step costs before any arithmetic (kernel launches, the optimizer step, reading the loss
   * back), in multiply-adds: about 0.5 ms here, what a step of the quickstart's tiny models takes.
   */
  static final double PER_STEP = 2.5e6;

  /** Multiply-adds one core of the development machine trains per second, by the same measure. */
  static final double PER_SECOND = 4.5e9;

  /**
   * A step of an analytic objective on the native engine, which trains it in Java without a
   * libtorch call: about 2 µs here with its step record (tools/bench/online_200k.yaml trains
   * 200,000 steps in 0.1–0.4 s), in the same multiply-add units.
   */
  static final double JAVA_ANALYTIC_STEP = 1e4;

  private CellCost() {}

  /** The estimated cost of training {@code cell} on {@code workload}. */
  static double of(Cell cell, Workload workload) {
    if (cell.engine().equals("native") && workload.model() instanceof AnalyticObjective) {
      return cell.steps() * JAVA_ANALYTIC_STEP;
    }
    return cell.steps() * (PER_STEP + workload.multiplyAddsPerStep());
  }
}
