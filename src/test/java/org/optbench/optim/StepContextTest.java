package org.optbench.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The step size a step reports: the lr, or the element-weighted mean of the recorded ones. */
class StepContextTest {

  @Test
  void withoutRecordsTheStepSizeIsTheLearningRate() {
    assertEquals(0.25, StepContext.of(3, 0.25, 1.0).stepSize(), 0);
  }

  @Test
  void recordedStepSizesAreAveragedByElementCount() {
    // (0.1·10 + 0.4·30) / 40 = 13/40 = 0.325.
    StepContext c = StepContext.of(1, 1.0, Double.NaN);
    c.recordStepSize(0.1, 10);
    c.recordStepSize(0.4, 30);
    assertEquals(0.325, c.stepSize(), 1e-15);
    // A new step starts a new average.
    c.set(2, 0.5, Double.NaN);
    assertEquals(0.5, c.stepSize(), 0);
    c.recordStepSize(0.2, 1);
    assertEquals(0.2, c.stepSize(), 0);
  }
}
