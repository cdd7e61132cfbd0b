package org.optbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One kind of chart of one workload (its training loss, say): a single chart when the workload has
 * few cells, otherwise small multiples, one per facet of {@link Styles#facets}, on a shared y
 * axis, under one caption and one legend, with mean lines only (ten overlapping bands would hide
 * them). A chart with nothing drawn is left out, and so is the whole kind when every chart of it
 * is empty.
 *
 * @param id the chart id; a facet's is {@code <id>_<k>}, k counting facets from 1
 * @param title the chart title; a facet's is its facet's label
 * @param yTitle the y axis title
 * @param log whether the y axis turns logarithmic when the values span more than two decades
 * @param caption what the chart shows, before the sentence on what colour and dashes encode
 */
record SmallMultiples(String id, String title, String yTitle, boolean log, String caption) {

  /** Height of one small chart, in pixels: three fit side by side and two rows on a screen. */
  static final int FACET_HEIGHT = 270;

  /**
   * The charts' HTML, each cell drawn by {@code draw} (which should call {@link Chart#cell} first
   * so that the page's filters apply), or "" when nothing was drawn.
   */
  String html(ReportContext context, List<CellInfo> cells, BiConsumer<Chart, CellInfo> draw) {
    Styles styles = context.styles();
    if (!styles.faceted()) {
      Chart chart = chart(context, id, title);
      cells.forEach(c -> draw.accept(chart, c));
      return chart.isEmpty() ? "" : context.chart(chart, caption + " " + styles.encoding());
    }
    List<Chart> charts = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    int k = 1;
    for (Map.Entry<String, List<CellInfo>> facet : styles.facets(cells).entrySet()) {
      Chart chart = chart(context, id + "_" + k++, facet.getKey())
          .meanLinesOnly()
          .height(FACET_HEIGHT)
          .layout("showlegend", com.fasterxml.jackson.databind.node.BooleanNode.FALSE)
          .layout("margin", ScriptJson.object().put("l", 55).put("r", 10).put("t", 36).put("b", 40))
          .layout("title", ScriptJson.object()
              .put("text", ChartText.sanitize(facet.getKey()))
              // Left, clear of plotly's toolbar on the right.
              .put("x", 0.01)
              .put("xanchor", "left")
              .set("font", ScriptJson.object().put("size", 12)));
      facet.getValue().forEach(c -> draw.accept(chart, c));
      if (!chart.isEmpty()) {
        charts.add(chart);
        titles.add(facet.getKey());
      }
    }
    if (charts.isEmpty()) {
      return "";
    }
    Chart.shareY(charts);
    StringBuilder html = new StringBuilder("<div class=\"multiples\">\n<p class=\"note\">")
        .append(Html.escape(title + ". " + caption + " " + styles.encoding() + " Small charts draw"
            + " the mean lines only; the intervals are in the tables."))
        .append("</p>\n")
        .append(styles.legendHtml(cells))
        .append("<div class=\"facets\">\n");
    for (int i = 0; i < charts.size(); i++) {
      html.append(context.chart(charts.get(i), title + ": " + titles.get(i) + "."));
    }
    return html.append("</div>\n</div>\n").toString();
  }

  private Chart chart(ReportContext context, String chartId, String chartTitle) {
    Chart chart = new Chart(chartId, chartTitle, yTitle).points(context.pointsPerLine());
    return log ? chart.logWhenWide() : chart;
  }
}
