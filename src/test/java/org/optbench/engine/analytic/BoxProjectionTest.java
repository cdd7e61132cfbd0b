package org.optbench.engine.analytic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.optbench.workload.AnalyticObjective;
import org.optbench.workload.AnalyticObjective.Kind;

/** The box projection: clip per coordinate, and a non-finite iterate stays non-finite. */
class BoxProjectionTest {

  private static AnalyticObjective bounded(Double lower, Double upper) {
    return new AnalyticObjective(Kind.ONLINE_LINEAR, 1, 1, 1010, -10, 101, false, lower, upper, 1, 0);
  }

  @Test
  void clipsIntoTheBoxAndKeepsDivergenceVisible() {
    float[] x = {-9.1f, -1f, 0.25f, 1f, 3f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
    BoxProjection.of(bounded(-1.0, 1.0)).apply(x);
    // An infinite iterate becomes NaN, as 0·x + clip(x) does on the engine: projecting it to a
    // bound would hide the divergence from the end-of-run check.
    assertArrayEquals(new float[] {-1f, -1f, 0.25f, 1f, 1f, Float.NaN, Float.NaN, Float.NaN}, x);
  }

  @Test
  void oneSidedBoxLeavesTheOtherSideFree() {
    float[] x = {-5f, 0.1f, 5f};
    BoxProjection.of(bounded(0.2, null)).apply(x);
    assertArrayEquals(new float[] {0.2f, 0.2f, 5f}, x);
  }

  @Test
  void noBoundsNoProjection() {
    assertNull(BoxProjection.of(bounded(null, null)));
  }
}
