package org.optbench.engine.djl;

import ai.djl.training.tracker.Tracker;
import org.optbench.optim.schedule.Schedule;

/**
 * A DJL {@link Tracker} from the catalogue's schedules: lrₜ = base lr × factor(t), t 1-based. The
 * factor comes from the engine-free {@link Schedule}, so both engines see the same rate (rounded
 * to float32 here, as DJL's trackers are).
 */
final class ScheduleTracker implements Tracker {

  private final double baseLr;
  private final Schedule schedule;

  ScheduleTracker(double baseLr, Schedule schedule) {
    this.baseLr = baseLr;
    this.schedule = schedule;
  }

  @Override
  public float getNewValue(int numUpdate) {
    return (float) rate(numUpdate);
  }

  /**
   * The rate before DJL's rounding to float32: what a step records as its learning rate, so that
   * a constant lr of 0.1 reads 0.1 in the result files, not 0.10000000149011612.
   */
  double rate(int numUpdate) {
    return baseLr * schedule.factor(Math.max(1, numUpdate));
  }

  /** The rate {@code tracker} gives at {@code step}, before float32 rounding where it can tell. */
  static double exact(Tracker tracker, int step) {
    return tracker instanceof ScheduleTracker schedule
        ? schedule.rate(step)
        : tracker.getNewValue(step);
  }
}
