package org.optbench.optim.transform;

import org.optbench.optim.ClipReport;
import org.optbench.optim.TransformState;

/** State of a clipping transform: its last {@link ClipReport} plus whatever the method keeps. */
public class ClipState implements TransformState {

  private final ClipReport report = new ClipReport();

  /** What the last step did. */
  public ClipReport report() {
    return report;
  }

  /** Stateless methods allocate no arrays. */
  @Override
  public long stateBytes() {
    return 0;
  }
}
