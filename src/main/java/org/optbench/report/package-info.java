/**
 * The HTML report of one result set, built from {@code results/<experiment>/} alone, as a list of
 * {@link org.optbench.report.ReportSection}s (headline, claims, overview, convergence, stability,
 * memory, text samples, spec) with plotly charts and tables exported as CSV, LaTeX and Markdown; see
 * docs/reports.md.
 *
 * <p>Whatever summarises seeds says so and uses one statistic, the one org.optbench.stats
 * prescribes: the mean over seeds with its 95% Student-t interval ({@link
 * org.optbench.report.SeedCurves} per step for curves and their bands, {@link
 * org.optbench.report.RunStats} per cell for tables, exported as {@code <metric>_mean},
 * {@code _ci_low}, {@code _ci_high} beside {@code n}), diverged seeds left out and counted.
 *
 * <p>The page works from {@code file://} without a network: plotly.js travels inside it, compressed
 * ({@link org.optbench.report.PlotlyPlacement#INLINE}), or is copied from its webjar once to the
 * reports root and referenced relatively ({@code SHARED}), and the page loads nothing else. Every string that came from a spec or a result is HTML-escaped ({@link
 * org.optbench.report.Html}); chart data goes through a JSON writer that escapes what could end a
 * script, and chart labels are reduced to look-alikes ({@link org.optbench.report.ChartText}).
 *
 * <p>{@link org.optbench.report.ComparePage} is the page of {@code compare}: findings per cell,
 * most severe first, with the per-seed loss curves of regressed cells, in one file.
 */
package org.optbench.report;
