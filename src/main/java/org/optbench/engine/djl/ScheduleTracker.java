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
    return (float) (baseLr * schedule.factor(Math.max(1, numUpdate)));
  }
}
