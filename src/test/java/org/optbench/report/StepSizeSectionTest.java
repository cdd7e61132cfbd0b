package org.optbench.report;

import org.optbench.spec.DataSeed;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optbench.io.SampleResults.component;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optbench.io.SampleResults;
import org.optbench.io.StepSeries;
import org.optbench.io.StepsTable;
import org.optbench.metrics.RunResult;
import org.optbench.metrics.StepRecord;
import org.optbench.spec.Axis;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;

/** The step-size chart appears only where a run's applied step differs from its lr. */
class StepSizeSectionTest {

  private static final Cell CELL = new Cell(
      component(Axis.WORKLOAD, "mlp"), component(Axis.OPTIMIZER, "adafactor"),
      component(Axis.CLIP, "none"), component(Axis.SCHEDULE, "constant"), 0, DataSeed.DEFAULT, "djl", 5, 5);

  /** The sample run's steps with step sizes {@code sizes} (learning rate stays 0.1). */
  private static StepSeries withStepSizes(double... sizes) {
    RunResult base = SampleResults.converging(CELL);
    List<StepRecord> steps = new ArrayList<>();
    for (int i = 0; i < base.steps().size(); i++) {
      StepRecord s = base.steps().get(i);
      steps.add(new StepRecord(s.step(), s.loss(), s.gradNorm(), s.gradNormClipped(), s.clipped(),
          s.clipThreshold(), s.learningRate(), sizes[i], s.wallMs(), s.evalLoss(),
          s.evalAccuracy()));
    }
    return StepSeries.of(StepsTable.of("t", new RunResult(base.summary(), steps)));
  }

  @Test
  void aStepSizeEqualToTheLrIsNotADifference() {
    assertFalse(StepSizeSection.differs(withStepSizes(0.1, 0.1, 0.1, 0.1, 0.1),
        List.of(CELL.runId())));
  }

  /** Adafactor's lr 0.1 with RMS(X) = 0.02: αₜ = 0.002 at one step is enough. */
  @Test
  void oneScaledStepIsADifference() {
    assertTrue(StepSizeSection.differs(withStepSizes(0.1, 0.1, 0.002, 0.1, 0.1),
        List.of(CELL.runId())));
  }

  @Test
  void aStepNotTakenDoesNotCount() {
    assertFalse(StepSizeSection.differs(withStepSizes(0.1, Double.NaN, 0.1, 0.1, 0.1),
        List.of(CELL.runId())));
  }
}
