package org.optbench.optim.replay;

import java.util.List;

/**
 * What a replay produced.
 *
 * @param trajectory per step, per tensor, the parameters after that step: every step when the
 *     case ran through, else the steps before the diverged one
 * @param divergence where and why the replay stopped, or null when it ran through
 */
public record ReplayResult(List<float[][]> trajectory, Divergence divergence) {

  public boolean diverged() {
    return divergence != null;
  }

  /**
   * A step the overflow policy stopped at.
   *
   * @param step the 1-based step
   * @param reason what was not finite, e.g. {@code w[0] = -Infinity after the update}
   */
  public record Divergence(int step, String reason) {}
}
