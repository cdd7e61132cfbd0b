package org.optbench.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.testing.Cells;

/** The summary a run's steps give, checked by hand. */
class RunAccumulatorTest {

  private static Cell cell(int steps) {
    return Cells.cell(Component.withDefaults(Catalog.require(Axis.WORKLOAD, "quadratic")),
        Component.withDefaults(Catalog.require(Axis.OPTIMIZER, "sgd")), Cells.noClip(), 0, steps, steps);
  }

  private static StepRecord step(int step, double loss, double wallMs) {
    return new StepRecord(step, loss, 1, 1, false, Double.NaN, 0.1, 0.1, wallMs, Double.NaN, Double.NaN);
  }

  @Test
  void finalLossAvgIsTheMeanOverTheLastTenthOfTheSteps() {
    // 20 steps: the last ⌈20/10⌉ = 2 losses are 1.9 and 2.0 (loss = step/10), mean 1.95; the last
    // minibatch alone says 2.0.
    RunAccumulator acc = new RunAccumulator(cell(20));
    for (int s = 1; s <= 20; s++) {
      acc.add(step(s, s / 10.0, s));
    }
    RunSummary summary = acc.finish(1, 4, 0).summary();
    assertEquals(1.95, summary.finalLossAvg(), 1e-12);
    assertEquals(2.0, summary.finalLoss(), 0);
    assertEquals(1, RunSummary.averagedSteps(5));
    assertEquals(3, RunSummary.averagedSteps(21));
  }

  @Test
  void evaluationTimeIsRecordedApartFromTrainingTime() {
    RunAccumulator acc = new RunAccumulator(cell(4));
    for (int s = 1; s <= 4; s++) {
      acc.add(step(s, 1, 250.0 * s));
    }
    acc.addEvalTime(300);
    acc.addEvalTime(200);
    RunSummary summary = acc.finish(1, 4, 0).summary();
    // 4 steps in 1 s of training time: 4 steps/s; the 0.5 s of evaluation is not part of it.
    assertEquals(1.0, summary.wallSeconds(), 1e-12);
    assertEquals(4.0, summary.stepsPerSecond(), 1e-12);
    assertEquals(0.5, summary.evalSeconds(), 1e-12);
  }

  @Test
  void aDivergedRunHasNoSmoothedFinalLoss() {
    RunAccumulator acc = new RunAccumulator(cell(10));
    acc.add(step(1, 1, 1));
    acc.add(step(2, Double.NaN, 2));
    assertTrue(Double.isNaN(acc.finish(1, 4, 0).summary().finalLossAvg()));
  }
}
