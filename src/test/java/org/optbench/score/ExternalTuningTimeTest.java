package org.optbench.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExternalTuningTimeTest {

  private static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void medianOfThreeStudiesOfFastestTrials() {
    double[][] studies = {
        {120, INF, 95, 300, INF}, // fastest 95
        {INF, INF, INF, INF, INF}, // none reached: +∞
        {80, 110, INF, 90, 200}, // fastest 80
    };
    // Per-study minima {95, +∞, 80} sorted {80, 95, +∞}: the median is 95.
    assertEquals(95.0, ExternalTuningTime.of(studies));
  }

  @Test
  void twoStudiesOfThreeUnreachedGiveInfinity() {
    double[][] studies = {{INF, INF}, {50, 60}, {INF}};
    // Minima {+∞, 50, +∞}: the median is +∞.
    assertEquals(INF, ExternalTuningTime.of(studies));
  }

  @Test
  void medianOfTwoStudiesIsTheMeanOfBoth() {
    // Minima {100, 60}: (60 + 100)/2 = 80.
    assertEquals(80.0, ExternalTuningTime.of(new double[][] {{100, 140}, {INF, 60}}));
    // Minima {60, +∞}: (60 + ∞)/2 = +∞.
    assertEquals(INF, ExternalTuningTime.of(new double[][] {{INF, 60}, {INF, INF}}));
  }

  @Test
  void medianByHand() {
    assertEquals(3.0, ExternalTuningTime.median(new double[] {5, 1, 3}));
    assertEquals(2.5, ExternalTuningTime.median(new double[] {4, 1, 3, 2}));
    assertEquals(7.0, ExternalTuningTime.median(new double[] {7}));
    assertEquals(INF, ExternalTuningTime.median(new double[] {INF, INF, 1}));
    assertEquals(1.0, ExternalTuningTime.median(new double[] {INF, 1, 1}));
  }

  @Test
  void fromReachesOnEitherAxis() {
    List<List<Reach>> studies = List.of(
        List.of(new Reach(400, 12.0), new Reach(300, 15.0)), // fastest: 300 steps, 12 s
        List.of(Reach.NEVER, new Reach(500, 20.0)),
        List.of(new Reach(200, 9.0), Reach.NEVER));
    // Steps: minima {300, 500, 200} → 300. Seconds: minima {12, 20, 9} → 12.
    assertEquals(300.0, ExternalTuningTime.of(studies, TimeAxis.STEPS));
    assertEquals(12.0, ExternalTuningTime.of(studies, TimeAxis.SECONDS));
  }

  @Test
  void invalidInputIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> ExternalTuningTime.of(new double[0][]));
    assertThrows(IllegalArgumentException.class, () -> ExternalTuningTime.of(new double[][] {{}}));
    assertThrows(IllegalArgumentException.class, () -> ExternalTuningTime.of(new double[][] {{Double.NaN}}));
    assertThrows(IllegalArgumentException.class, () -> ExternalTuningTime.of(new double[][] {{-1}}));
  }
}
