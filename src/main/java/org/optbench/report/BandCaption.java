package org.optbench.report;

import java.util.List;

/**
 * What a chart's lines and bands are, for its caption: the mean over seeds at each step, and the
 * 95% Student-t interval of that mean as the band, with the number of seeds it rests on.
 */
final class BandCaption {

  private BandCaption() {}

  /**
   * E.g. "Line: mean over n = 3 seeds per cell at each step (fewer where a seed has no value, e.g.
   * after it diverged); band: the 95% Student-t interval of that mean (none where n = 1)."
   *
   * @param seeds how many seeds each cell of the chart has
   */
  static String of(List<Integer> seeds) {
    int fewest = seeds.stream().mapToInt(Integer::intValue).min().orElse(0);
    int most = seeds.stream().mapToInt(Integer::intValue).max().orElse(0);
    if (most <= 1) {
      return "Line: the one seed of each cell; no band (an interval needs two seeds).";
    }
    String n = fewest == most ? "n = " + most : "n = " + fewest + "–" + most;
    return "Line: mean over " + n + " seeds per cell at each step (fewer where a seed has no value,"
        + " e.g. after it diverged); band: the 95% Student-t interval of that mean (none where"
        + " n = 1" + (fewest == 1 ? ", as for the cells with one seed" : "") + ").";
  }

  /** {@link #of} for the cells of a chart. */
  static String of(ReportContext context, List<CellInfo> cells) {
    return of(cells.stream().map(c -> context.runsOf(c.cell()).size()).toList());
  }
}
