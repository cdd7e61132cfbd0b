package org.optbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The compare page's filter: a form of a text box and one select per axis (workload, optimizer,
 * clipping) with every value of the page's cells, and the attributes on each filtered element
 * ({@code data-cell} and the values {@code compare.js} matches). The script does the filtering;
 * the page works, unfiltered, without it.
 */
final class CompareFilter {

  private CompareFilter() {}

  /** The filter form, with the workloads, optimizers and clippings of every cell as choices. */
  static void form(StringBuilder html, ComparePage.Content content) {
    List<CompareCell> all = new ArrayList<>(content.unchanged());
    content.sections().forEach(s -> all.addAll(s.cells()));
    html.append("<form id=\"filter\" class=\"filter\" role=\"search\" onsubmit=\"return false\">\n")
        .append("<label>cells matching <input type=\"search\" id=\"filter-text\" size=\"28\""
            + " placeholder=\"words of the label or a metric\"></label>\n");
    select(html, "workload", all.stream().map(CompareCell::workload).toList());
    select(html, "optimizer", all.stream().map(CompareCell::optimizer).toList());
    select(html, "clip", all.stream().map(CompareCell::clip).toList());
    html.append("<span id=\"filter-count\" aria-live=\"polite\"></span>\n</form>\n");
  }

  private static void select(StringBuilder html, String axis, List<String> values) {
    html.append("<label>").append(axis).append(" <select id=\"filter-").append(axis)
        .append("\" data-axis=\"").append(axis).append("\"><option value=\"\">all</option>");
    for (String v : new TreeSet<>(values)) {
      html.append("<option>").append(Html.escape(v)).append("</option>");
    }
    html.append("</select></label>\n");
  }

  /** What compare.js filters by: the axes, and the label with the metrics and verdicts shown. */
  static void attributes(
      StringBuilder html, CompareCell cell, List<CompareCheck> checks) {
    StringBuilder text = new StringBuilder(cell.label());
    for (CompareCheck c : checks) {
      text.append(' ').append(c.metric()).append(' ').append(c.verdict());
    }
    html.append(" data-cell data-workload=\"").append(Html.escape(cell.workload()))
        .append("\" data-optimizer=\"").append(Html.escape(cell.optimizer()))
        .append("\" data-clip=\"").append(Html.escape(cell.clip()))
        .append("\" data-text=\"").append(Html.escape(text.toString().toLowerCase(Locale.ROOT)))
        .append('"');
  }
}
