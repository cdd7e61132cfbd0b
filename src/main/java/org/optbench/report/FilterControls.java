package org.optbench.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The page's own filter controls: a checkbox per value of every axis that varies (workload,
 * optimizer setting, clipping, schedule, engine). report.js hides what the unticked values own:
 * chart lines (by the {@code meta.filter} of their traces, {@link Chart#cell}), whole charts and
 * workload blocks left with nothing, and table rows (matched by their workload and setting
 * columns against the cell list written here).
 */
final class FilterControls {

  private FilterControls() {}

  /** The controls and the cell list, or "" when the cells differ in nothing. */
  static String html(List<CellInfo> cells) {
    List<CellAxis> axes = new ArrayList<>();
    for (CellAxis axis : CellAxis.values()) {
      if (cells.stream().map(c -> c.part(axis)).distinct().count() > 1) {
        axes.add(axis);
      }
    }
    if (axes.isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<div id=\"filters\" class=\"filters\">\n")
        .append("<strong>Show</strong>\n");
    for (CellAxis axis : axes) {
      Set<String> values = new LinkedHashSet<>();
      cells.forEach(c -> values.add(c.part(axis)));
      html.append("<details data-filter-axis=\"").append(axis.key()).append("\"><summary>")
          .append(Html.escape(axis.noun())).append(" <span class=\"filter-count\">(")
          .append(values.size()).append(" of ").append(values.size()).append(")</span></summary>\n")
          .append("<p><button type=\"button\" data-filter-set=\"all\">all</button> ")
          .append("<button type=\"button\" data-filter-set=\"none\">none</button></p>\n");
      for (String value : values) {
        html.append("<label><input type=\"checkbox\" checked value=\"").append(Html.escape(value))
            .append("\"> ").append(Html.escape(value)).append("</label>\n");
      }
      html.append("</details>\n");
    }
    html.append("<span id=\"filter-summary\" class=\"note\"></span>\n</div>\n");
    ArrayNode list = ScriptJson.array();
    for (CellInfo c : cells) {
      ObjectNode filter = ScriptJson.object();
      for (CellAxis axis : CellAxis.values()) {
        filter.put(axis.key(), c.part(axis));
      }
      list.add(ScriptJson.object().put("workload", c.workloadLabel()).put("setting", c.setting())
          .set("filter", filter));
    }
    return html.append("<script>optbench.cells(").append(ScriptJson.write(list))
        .append(");</script>\n").toString();
  }
}
