package org.optbench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/** Text generated at the end of language-model runs, side by side per workload and optimizer. */
final class SamplesSection implements ReportSection {

  @Override
  public String id() {
    return "samples";
  }

  @Override
  public String title() {
    return "Text samples";
  }

  @Override
  public boolean appliesTo(ReportContext context) {
    return context.results().samples().rowCount() > 0;
  }

  @Override
  public String html(ReportContext context) {
    Table samples = context.results().samples();
    StringBuilder html = new StringBuilder();
    html.append("<p class=\"note\">What each run wrote after training (samples.csv), grouped by")
        .append(" workload; one block per optimizer setting and seed.</p>\n");
    Map<String, List<CellInfo>> workloads = context.workloads();
    Map<String, StringBuilder> byWorkload = new LinkedHashMap<>();
    for (Row r : samples) {
      String key = r.getString("workload") + "{" + r.getString("workload_config") + "}";
      List<CellInfo> group = workloads.get(key);
      String cellLabel = r.getString("cell");
      CellInfo cell =
          group == null
              ? null
              : group.stream().filter(c -> c.cell().equals(cellLabel)).findFirst().orElse(null);
      String setting = cell == null ? cellLabel : cell.setting();
      String colour = cell == null ? "#555555" : context.styles().colour(cell);
      byWorkload
          .computeIfAbsent(key, k -> new StringBuilder())
          .append("<figure class=\"sample\"><figcaption><span style=\"color:")
          .append(colour)
          .append("\">■</span> ")
          .append(Html.escape(setting))
          .append(" · seed ")
          .append(r.getLong("seed"))
          .append(" · ")
          .append(Html.escape(r.getString("sample_name")))
          .append("</figcaption>\n<pre class=\"sample\">")
          .append(Html.escape(r.getString("text")))
          .append("</pre></figure>\n");
    }
    for (Map.Entry<String, StringBuilder> e : byWorkload.entrySet()) {
      List<CellInfo> group = workloads.get(e.getKey());
      String label = group == null ? e.getKey() : group.get(0).workloadLabel();
      html.append("<h3>")
          .append(Html.escape(label))
          .append("</h3>\n<div class=\"samples\">\n")
          .append(e.getValue())
          .append("</div>\n");
    }
    return html.toString();
  }
}
