package org.optbench.runner;

import java.nio.file.Path;
import org.optbench.report.PlotlyPlacement;

/**
 * How {@link ExperimentRunner} runs a spec.
 *
 * @param resultsRoot folder that receives {@code <experiment>/} result sets
 * @param reportsRoot folder that receives {@code <experiment>/index.html}
 * @param threads libtorch intra-op threads (recorded in the manifest)
 * @param progress how to show progress on standard error
 * @param plotly where the report pages get plotly from
 */
public record RunOptions(Path resultsRoot, Path reportsRoot, int threads,
    ProgressSettings progress, PlotlyPlacement plotly) {

  /**
   * The defaults of {@code optbench run --out resultsRoot}: reports in {@code
   * resultsRoot/reports}, one libtorch thread (bit-reproducible runs), no progress output,
   * single-file reports.
   */
  public static RunOptions in(Path resultsRoot) {
    return new RunOptions(resultsRoot, resultsRoot.resolve("reports"), 1, ProgressSettings.NONE,
        PlotlyPlacement.INLINE);
  }

  /** Options whose reports are single files ({@link PlotlyPlacement#INLINE}). */
  public RunOptions(Path resultsRoot, Path reportsRoot, int threads, ProgressSettings progress) {
    this(resultsRoot, reportsRoot, threads, progress, PlotlyPlacement.INLINE);
  }
}
