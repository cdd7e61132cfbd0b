package org.optbench.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.optbench.claims.ClaimResult;
import org.optbench.claims.Verdict;
import org.optbench.metrics.RunSummary;

/**
 * What running one spec produced.
 *
 * @param results the published result folder
 * @param archivedPrevious where an earlier result set of the same experiment was moved, if any
 * @param report the report's index.html
 * @param runs every run's summary, in grid order
 * @param wallSeconds wall time of the whole experiment
 * @param claims verdicts on the spec's claims, empty when it has none
 * @param kept files optbench did not write, found in the result and report folders and left there
 * @param times where the wall time went: training, evaluation, the harness, the report
 */
public record ExperimentOutcome(
    Path results,
    Optional<Path> archivedPrevious,
    Path report,
    List<RunSummary> runs,
    double wallSeconds,
    List<ClaimResult> claims,
    List<Path> kept,
    RunTimes times) {

  /** Claims the runs contradict. */
  public long claimsNotReproduced() {
    return claims.stream().filter(c -> c.verdict() == Verdict.NOT_REPRODUCED).count();
  }

  /** Runs whose loss or parameters became non-finite. */
  public long divergedRuns() {
    return runs.stream().filter(RunSummary::diverged).count();
  }
}
