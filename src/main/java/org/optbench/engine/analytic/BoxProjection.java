package org.optbench.engine.analytic;

import org.optbench.optim.ParamTree;
import org.optbench.workload.AnalyticObjective;

/**
 * Projection of the iterate onto the objective's box after each step, x ← clip(x, lower, upper)
 * per coordinate, on float arrays (Reddi et al. 2018, Algorithm 1: x_{t+1} = Π_F(·)). It computes
 * what the DJL projection ({@code engine.djl.Projection}) computes in place, 0·x + clip(x): the
 * same value for every finite x, and NaN for an infinite x, so that a diverged iterate is never
 * projected back into the box where the divergence check would miss it.
 */
public final class BoxProjection {

  private final float lower;
  private final float upper;

  private BoxProjection(float lower, float upper) {
    this.lower = lower;
    this.upper = upper;
  }

  /** The objective's box, or {@code null} when it has no bounds. */
  public static BoxProjection of(AnalyticObjective objective) {
    if (objective.lower() == null && objective.upper() == null) {
      return null;
    }
    return new BoxProjection(
        objective.lower() == null ? Float.NEGATIVE_INFINITY : objective.lower().floatValue(),
        objective.upper() == null ? Float.POSITIVE_INFINITY : objective.upper().floatValue());
  }

  /** Projects {@code x} in place. */
  public void apply(float[] x) {
    for (int i = 0; i < x.length; i++) {
      // torch.clamp is min(max(x, lower), upper) and keeps NaN, as Math.max and Math.min do.
      x[i] = 0f * x[i] + Math.min(Math.max(x[i], lower), upper);
    }
  }

  /** Projects every tensor of {@code tree} in place. */
  public void apply(ParamTree tree) {
    for (int i = 0; i < tree.size(); i++) {
      apply(tree.data(i));
    }
  }
}
