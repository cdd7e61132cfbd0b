package org.optbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The closing line of {@code run}: shares and per-run costs, checked by hand. */
class RunTimesTest {

  @Test
  void overheadIsTheGridLessTrainingEvaluationAndWarmUpPerTrainedRun() {
    // 4 runs: grid 10 s = training 6 s + evaluation 1 s + warm-up 1 s + 2 s of harness.
    RunTimes times = new RunTimes(4, 6.0, 1.0, 1.0, 10.0, 1.5, 1);
    assertEquals(0.5, times.overheadPerRun(), 1e-12);
    // Command 12 s: training 6 / 12 = 50%; start-up 12 - 10 - 1.5 = 0.5 s.
    assertEquals("4 runs in 12.0 s: training 6.0 s (50%), evaluation 1.0 s, warm-up 1.0 s,"
        + " per-run overhead 500 ms/run, start-up 0.5 s, report 1.5 s", times.line(4, 12.0));
  }

  @Test
  void withSeveralProcessesTrainingIsASumAndNoPerRunFigureIsGiven() {
    RunTimes times = new RunTimes(4, 16.0, 1.0, 2.0, 10.0, 1.5, 2);
    assertTrue(Double.isNaN(times.overheadPerRun()));
    assertEquals("4 runs in 12.0 s: training 16.0 s summed over 2 processes, evaluation 1.0 s,"
        + " warm-up 2.0 s, start-up 0.5 s, report 1.5 s", times.line(4, 12.0));
  }

  @Test
  void aRunThatReusedEverythingSaysSo() {
    RunTimes times = new RunTimes(0, 0, 0, 0, 0.2, 1.0, 1);
    assertEquals("6 runs in 3.0 s: all reused, nothing trained; report 1.0 s", times.line(6, 3.0));
  }
}
