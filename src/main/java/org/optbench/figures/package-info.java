/**
 * Paper figures: the charts of a result set's report ({@link org.optbench.report.ReportCharts}),
 * restyled for print ({@code PaperStyle}: white, one font, no title, legend under the plot, a
 * physical size from {@link org.optbench.figures.FigureSize}) and rendered by plotly.js in one
 * headless Chromium driven over a DevTools pipe, as vector PDF (one page per figure, page = figure
 * size), SVG or PNG; see docs/figures.md.
 *
 * <p>Traces keep the report's colours, markers and dashes, so a figure in a paper matches the chart
 * in the report. Files are written only when every figure rendered ({@link
 * org.optbench.io.AtomicFiles#writeAll}), and only over files optbench wrote ({@link
 * org.optbench.figures.FigureFolder}).
 */
package org.optbench.figures;
