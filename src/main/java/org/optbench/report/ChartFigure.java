package org.optbench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One chart of a report as drawn: its div id, its caption and its plotly figure ({@code data} and
 * {@code layout}), which the page draws and {@code figures} exports.
 *
 * @param id the chart's div id, also the file name of its exported image
 * @param caption the caption under the chart on the page
 * @param figure the plotly figure
 */
public record ChartFigure(String id, String caption, ObjectNode figure) {}
