package org.optbench.report;

import java.util.List;

/**
 * One cell of a comparison page: its findings, its other checks, and its runs on both sides, whose
 * training-loss curves the page may draw.
 *
 * @param label the cell's label
 * @param workload workload name (filter and grouping)
 * @param optimizer optimizer name (filter)
 * @param clip clipping name (filter)
 * @param change the largest change among its findings in words, e.g. "final_loss +2.00%"; empty
 *     when there is none to state
 * @param findings what was flagged, most severe first
 * @param unchanged its checks that are unchanged or within their margin
 * @param baselineRuns its runs in the baseline (none for a new cell)
 * @param currentRuns its runs in the current set (none for a missing cell)
 */
public record CompareCell(
    String label,
    String workload,
    String optimizer,
    String clip,
    String change,
    List<CompareCheck> findings,
    List<CompareCheck> unchanged,
    List<SeedRun> baselineRuns,
    List<SeedRun> currentRuns) {

  public CompareCell {
    findings = List.copyOf(findings);
    unchanged = List.copyOf(unchanged);
    baselineRuns = List.copyOf(baselineRuns);
    currentRuns = List.copyOf(currentRuns);
  }

  /**
   * One run of the cell.
   *
   * @param runId its id in runs.csv and the steps file
   * @param seed its seed
   * @param finalLoss its last training loss (runs.csv {@code final_loss}); what the chart marks
   *     when the folder keeps no steps
   * @param stepsDone the step of that loss
   */
  public record SeedRun(String runId, long seed, double finalLoss, int stepsDone) {}
}
