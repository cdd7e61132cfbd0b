package org.optbench.runner;

import java.util.List;
import org.optbench.metrics.RunSummary;

/**
 * Where the wall time of one spec's grid went, so that {@code run} can say how much of it was
 * training: the timed step loops, the evaluations, the warm-ups, the rest of the grid (the
 * harness: building models, storing and publishing runs, content keys), and the report.
 *
 * @param trainedRuns runs trained by this invocation (reused runs cost no training)
 * @param trainingSeconds their timed step loops, summed ({@code wall_seconds} in runs.csv)
 * @param evalSeconds their evaluations, summed ({@code eval_seconds})
 * @param warmupSeconds the throwaway warm-up runs ({@code warmup_seconds})
 * @param gridSeconds from the first content key to the published result set: everything above
 *     and the harness's own work, not the engine's start or the report
 * @param reportSeconds building the report
 * @param processes the processes that trained ({@code --workers}); with more than one, the sums
 *     above exceed the wall time they took
 */
public record RunTimes(
    int trainedRuns,
    double trainingSeconds,
    double evalSeconds,
    double warmupSeconds,
    double gridSeconds,
    double reportSeconds,
    int processes) {

  /** The times of {@code trained}, the runs this invocation trained. */
  static RunTimes of(List<RunSummary> trained, double gridSeconds, double reportSeconds,
      int workers) {
    return new RunTimes(
        trained.size(),
        trained.stream().mapToDouble(RunSummary::wallSeconds).sum(),
        trained.stream().mapToDouble(RunSummary::evalSeconds).sum(),
        trained.stream().mapToDouble(RunSummary::warmupSeconds).sum(),
        gridSeconds,
        reportSeconds,
        Math.max(1, workers));
  }

  /**
   * The harness's time per trained run, in seconds: the grid's wall time less training,
   * evaluation and warm-ups, over the runs trained. Meaningful for one process only (with
   * several, training overlaps); NaN when nothing was trained.
   */
  public double overheadPerRun() {
    if (trainedRuns == 0 || processes > 1) {
      return Double.NaN;
    }
    return (gridSeconds - trainingSeconds - evalSeconds - warmupSeconds) / trainedRuns;
  }

  /**
   * One line for the end of {@code run}: the share of {@code totalSeconds} (the command's wall
   * time, JVM start included) spent training, and the fixed and per-run costs around it.
   */
  public String line(int runs, double totalSeconds) {
    if (trainedRuns == 0) {
      return String.format("%d runs in %.1f s: all reused, nothing trained; report %.1f s",
          runs, totalSeconds, reportSeconds);
    }
    String training = processes > 1
        ? String.format("training %.1f s summed over %d processes", trainingSeconds, processes)
        : String.format("training %.1f s (%.0f%%)", trainingSeconds,
            100 * trainingSeconds / totalSeconds);
    String overhead = processes > 1
        ? ""
        : String.format(", per-run overhead %.0f ms/run", 1000 * overheadPerRun());
    return String.format(
        "%d runs in %.1f s: %s, evaluation %.1f s, warm-up %.1f s%s, start-up %.1f s, report %.1f s",
        runs, totalSeconds, training, evalSeconds, warmupSeconds, overhead,
        Math.max(0, totalSeconds - gridSeconds - reportSeconds), reportSeconds);
  }
}
