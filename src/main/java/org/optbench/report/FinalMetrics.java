package org.optbench.report;

import static tech.tablesaw.aggregate.AggregateFunctions.countNonMissing;
import static tech.tablesaw.aggregate.AggregateFunctions.countTrue;
import static tech.tablesaw.aggregate.AggregateFunctions.mean;
import static tech.tablesaw.aggregate.AggregateFunctions.stdDev;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * The table of final metrics per cell (workload × optimizer × clip, and schedule and engine where
 * the grid varies them): mean ± standard deviation over seeds, from {@code runs.csv}.
 *
 * <p>Means skip missing values (a regression workload has no accuracy); the standard deviation is
 * the sample one (n − 1), shown only with two or more values. Each cell also carries the exact
 * numbers in {@code data-mean} / {@code data-std} attributes.
 */
final class FinalMetrics {

  private record Metric(String column, String heading, DoubleFunction<String> format) {}

  private static final List<Metric> METRICS =
      List.of(
          new Metric("final_loss", "final loss", Numbers::format),
          new Metric("best_loss", "best loss", Numbers::format),
          new Metric("final_accuracy", "final accuracy", Numbers::format),
          new Metric("clipped_fraction", "clipped fraction", Numbers::format),
          new Metric("steps_per_second", "steps/s", Numbers::format),
          new Metric("optimizer_state_bytes", "optimizer state", Numbers::bytes));

  private FinalMetrics() {}

  /** The table summarising {@code runs} for {@code cells}, in their order, as HTML. */
  static String html(Table runs, List<CellInfo> cells) {
    List<String> columns = new ArrayList<>(METRICS.stream().map(Metric::column).toList());
    columns.add("diverged");
    columns.add("run_id");
    Table summary = runs.summarize(columns, mean, stdDev, countTrue, countNonMissing).by("cell");
    Map<String, Integer> rowOf = new HashMap<>();
    for (int r = 0; r < summary.rowCount(); r++) {
      rowOf.put(summary.stringColumn("cell").get(r), r);
    }

    StringBuilder html = new StringBuilder();
    html.append(
            "<div class=\"scroll\">\n<table class=\"metrics\" id=\"final_metrics\">\n<thead><tr>")
        .append("<th>workload</th><th>setting</th><th>seeds</th><th>diverged</th>");
    for (Metric m : METRICS) {
      html.append("<th>").append(Html.escape(m.heading())).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (CellInfo c : cells) {
      int r = rowOf.get(c.cell());
      int seeds = (int) number(summary, "Count [run_id]", r);
      int diverged = (int) number(summary, "Number True [diverged]", r);
      html.append("<tr data-cell=\"")
          .append(Html.escape(c.cell()))
          .append("\">")
          .append("<td>")
          .append(Html.escape(c.workloadLabel()))
          .append("</td>")
          .append("<td>")
          .append(Html.escape(c.setting()))
          .append("</td>")
          .append("<td class=\"num\">")
          .append(seeds)
          .append("</td>")
          .append("<td class=\"num")
          .append(diverged > 0 ? " bad" : "")
          .append("\">")
          .append(diverged)
          .append("</td>");
      for (Metric m : METRICS) {
        double mean = number(summary, "Mean [" + m.column() + "]", r);
        double std = number(summary, "Std. Deviation [" + m.column() + "]", r);
        String text =
            Double.isNaN(mean) || Double.isNaN(std)
                ? m.format().apply(mean)
                : m.format().apply(mean) + " ± " + m.format().apply(std);
        html.append("<td class=\"num\" data-metric=\"")
            .append(m.column())
            .append("\" data-mean=\"")
            .append(Numbers.exact(mean))
            .append("\" data-std=\"")
            .append(Numbers.exact(std))
            .append("\">")
            .append(Html.escape(text))
            .append("</td>");
      }
      html.append("</tr>\n");
    }
    return html.append("</tbody>\n</table>\n</div>\n").toString();
  }

  /** A summary value; Tablesaw leaves it missing (NaN) when no seed had one. */
  private static double number(Table summary, String column, int row) {
    return ((NumericColumn<?>) summary.column(column)).getDouble(row);
  }
}
