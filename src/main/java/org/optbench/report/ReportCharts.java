package org.optbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.optbench.io.ResultSeries;

/**
 * The charts of a result set's report, as the report's own sections draw them, for tools that
 * export them elsewhere (the {@code figures} command writes them as paper figures):
 *
 * <pre>{@code
 * List<ChartFigure> charts = ReportCharts.of(ResultSeries.read(Path.of("results/quickstart")));
 * }</pre>
 *
 * <p>The sections are rendered exactly as for the page, and their HTML thrown away: the charts are
 * what they registered with the {@link ReportContext} on the way, so a figure never differs from
 * the chart on the page (same traces, colours, axes and ids).
 */
public final class ReportCharts {

  private ReportCharts() {}

  /** Every chart the report of {@code results} draws, in page order. */
  public static List<ChartFigure> of(ResultSeries results) throws IOException {
    ReportContext context = new ReportContext(results);
    for (ReportSection section : ReportBuilder.SECTIONS) {
      if (section.appliesTo(context)) {
        section.html(context);
      }
    }
    return context.charts();
  }

  /**
   * Copies the report's plotly.js (from its webjar) into {@code folder}, which must be
   * optbench's own (a temporary folder, say).
   *
   * @return the script's path
   */
  public static Path installPlotly(Path folder) throws IOException {
    return PlotlyAsset.install(folder);
  }

  /** {@code text} made pdflatex-safe (special characters escaped, Unicode mapped), as in the tables. */
  public static String latexText(String text) {
    return LatexText.of(text);
  }
}
