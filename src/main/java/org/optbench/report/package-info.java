/**
 * The HTML report of one result set, built from {@code results/<experiment>/} alone: loss, eval and
 * gradient-norm curves (plotly, through Tablesaw's jsplot), a table of final metrics, and the spec
 * and environment the numbers came from.
 *
 * <p>The page works from {@code file://} without a network: plotly.js is copied from its webjar to
 * {@code reports/plotly-<version>.js} once and referenced relatively, and the page loads nothing
 * else. Every string that came from a spec or a result is HTML-escaped ({@link
 * org.optbench.report.Html}); strings that jsplot places inside JavaScript are first reduced to a
 * safe character set ({@link org.optbench.report.ChartText}).
 */
package org.optbench.report;
