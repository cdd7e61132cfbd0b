package org.optbench.compare;

import java.util.List;

/**
 * One cell of a comparison with everything found about it, for the HTML page, which shows a cell's
 * findings together and draws its runs' curves.
 *
 * @param label the cell's label, as in {@link Finding#cell}
 * @param axes its workload, optimizer and clipping names
 * @param baselineRuns its runs in the baseline (none for a new cell)
 * @param currentRuns its runs in the current set (none for a missing cell)
 * @param findings what was found, one per metric checked (or one missing / new finding)
 */
record ComparedCell(
    String label,
    CellMetrics.Axes axes,
    List<CellMetrics.Run> baselineRuns,
    List<CellMetrics.Run> currentRuns,
    List<Finding> findings) {

  ComparedCell {
    baselineRuns = List.copyOf(baselineRuns);
    currentRuns = List.copyOf(currentRuns);
    findings = List.copyOf(findings);
  }
}
