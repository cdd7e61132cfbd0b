package org.optbench.report;

import java.util.ArrayList;
import java.util.List;
import org.optbench.io.StepSeries;
import org.optbench.metrics.TargetReach;
import tech.tablesaw.api.Row;

/**
 * Steps and seconds to target of one cell, by the definition {@code compare} uses too ({@link
 * TargetReach}): the cell's own seeds that did not diverge fix its target, and each of them
 * reaches it or not.
 *
 * @param target the cell's target loss, NaN when no seed gives one
 * @param seeds seeds that did not diverge
 * @param reached how many of them reached the target
 * @param meanSteps mean steps to target over the seeds that reached it, NaN if none did
 * @param meanSeconds mean seconds to target over the same seeds
 */
record CellTargets(double target, int seeds, int reached, double meanSteps, double meanSeconds) {

  static CellTargets of(ReportContext context, String cell) {
    List<TargetReach.Curve> curves = new ArrayList<>();
    for (Row r : context.results().runs()) {
      if (r.getString("cell").equals(cell) && !r.getBoolean("diverged")) {
        curves.add(curve(context.results().steps().run(r.getString("run_id"))));
      }
    }
    double target = TargetReach.target(curves);
    double steps = 0;
    double seconds = 0;
    int reached = 0;
    for (TargetReach.Curve curve : curves) {
      TargetReach.Reach reach = TargetReach.reach(curve, target);
      if (reach.reached()) {
        steps += reach.step();
        seconds += reach.seconds();
        reached++;
      }
    }
    return new CellTargets(target, curves.size(), reached,
        reached == 0 ? Double.NaN : steps / reached, reached == 0 ? Double.NaN : seconds / reached);
  }

  static TargetReach.Curve curve(StepSeries.Run run) {
    return new TargetReach.Curve(run.steps(), run.values("loss"), run.values("wall_ms"), run.size());
  }

  /** The mean, with "(k of n seeds)" when some seeds never reached the target. */
  ReportTable.Value shown(double mean) {
    if (reached == 0 || reached == seeds) {
      return ReportTable.Value.number(mean);
    }
    return ReportTable.Value.of(
        Numbers.format(mean) + " (" + reached + " of " + seeds + " seeds)", mean);
  }
}
