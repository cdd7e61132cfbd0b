package org.optbench.optim.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two replay checks at their edges: exactly at the tolerance, NaN, a zero expected value. */
class ReplayChecksTest {

  private static List<float[][]> one(float... values) {
    return List.<float[][]>of(new float[][] {values});
  }

  @Test
  void trajectoryAtExactlyTheToleranceIsWithin() {
    // |a − e| = 0.5 = atol 0.25 + rtol 0.125·|2|: on the boundary, which numpy.allclose accepts.
    TrajectoryCheck check = TrajectoryCheck.compare(one(2f), one(2.5f), List.of("w"), 0.125, 0.25);
    assertTrue(check.withinTolerance());
    assertEquals(0.5, check.maxAbsError(), 0);
    assertEquals(0.25, check.maxRelError(), 0);
    assertFalse(TrajectoryCheck.compare(one(2f), one(2.5f), List.of("w"), 0.125, 0.2499)
        .withinTolerance());
  }

  @Test
  void aZeroExpectedValueHasNoRelativeErrorAndNaNIsBeyondEverything() {
    TrajectoryCheck zero = TrajectoryCheck.compare(one(0f, 4f), one(1e-7f, 4f), List.of("w"),
        1e-5, 1e-6);
    assertTrue(zero.withinTolerance());
    assertEquals(0, zero.maxRelError(), 0, "e = 0 is left out of the relative error");
    TrajectoryCheck nan = TrajectoryCheck.compare(one(1f), one(Float.NaN), List.of("w"), 1, 1);
    assertFalse(nan.withinTolerance());
    assertEquals(Double.POSITIVE_INFINITY, nan.maxAbsError());
    assertTrue(nan.worst().startsWith("step 1, tensor 'w'[0]: got NaN"), nan.worst());
  }

  @Test
  void stepwiseAtExactlyItsWorstErrorIsWithin() throws Exception {
    // The float64 NAdamW reference rounded to float32: the replay differs by about 7e-7.
    ReplayCase c = CaseReader.read(Path.of("src/test/resources/golden/nadamw-default.json"));
    StepwiseCheck loose = StepwiseCheck.run(new NativeReplayEngine(), c, 1);
    // The same case against its own native trajectory: nothing differs.
    ReplayCase self = c.withExpected(new NativeReplayEngine().replay(c).trajectory());
    assertEquals(0, StepwiseCheck.run(new NativeReplayEngine(), self, 0).maxRelError(), 0);
    assertTrue(loose.maxRelError() > 0, "float32 against a float64 reference differs somewhere");
    assertTrue(StepwiseCheck.run(new NativeReplayEngine(), c, loose.maxRelError())
        .withinTolerance());
    assertFalse(StepwiseCheck.run(new NativeReplayEngine(), c, loose.maxRelError() / 2)
        .withinTolerance());
  }

  @Test
  void updateErrorAllowsOneUlpAndMeasuresAgainstTheUpdate() {
    // Update 0.5 → 1.5; a result one ulp of 1.5 away is exact; 1.5 + 0.01 is 2% of the update.
    float ulp = Math.ulp(1.5f);
    assertEquals(0, UpdateError.of(new float[] {1f}, new float[] {1.5f + ulp},
        new float[] {1.5f})[1], 0);
    assertEquals((0.01 - ulp) / 0.5, UpdateError.of(new float[] {1f}, new float[] {1.51f},
        new float[] {1.5f})[1], 1e-6);
    assertEquals(Double.POSITIVE_INFINITY, UpdateError.of(new float[] {1f}, new float[] {1.5f},
        new float[] {1f})[1], "the reference did not move; the result did");
    assertTrue(Double.isNaN(UpdateError.of(new float[] {1f}, new float[] {Float.NaN},
        new float[] {1f})[1]));
  }

  /**
   * A step whose gradient norm overflows float32 is not compared (the trajectory check reports it
   * as a divergence): the stepwise check stops there instead of taking it.
   */
  @Test
  void stepwiseStopsAtAGradientThatOverflows() throws Exception {
    ReplayCase c = CaseReader.parse("o.json", "{\"optimizer\":{\"name\":\"sgd\",\"lr\":0.1},"
        + "\"params\":[{\"name\":\"w\",\"shape\":[1],\"values\":[1]}],"
        + "\"grads\":[[[1]],[[3e38]]],\"expected\":[[[0.9]],[[0.9]]]}");
    StepwiseCheck check = StepwiseCheck.run(new NativeReplayEngine(), c, StepwiseCheck.RTOL);
    assertTrue(check.withinTolerance(), check.worst());
    assertTrue(check.worst().startsWith("step 1,"), check.worst());
  }
}
