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

  /** Options whose reports are single files ({@link PlotlyPlacement#INLINE}). */
  public RunOptions(Path resultsRoot, Path reportsRoot, int threads, ProgressSettings progress) {
    this(resultsRoot, reportsRoot, threads, progress, PlotlyPlacement.INLINE);
  }
}
