package org.optbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.optbench.io.GeneratedPages;

/**
 * The page of {@code compare}, one HTML file that opens from any folder (plotly inside, see {@link
 * PlotlyAsset#inlineElement}). Readable at nightly scale (hundreds of cells, thousands of checks):
 *
 * <ol>
 *   <li>the verdict in one line and the rule in use, at the top;
 *   <li>the flagged cells, one block per cell with all its findings, in the order of the given
 *       sections (regressions, changed, missing, improvements, new cells), within a section under
 *       a heading per workload;
 *   <li>a training-loss chart for the first {@link #MAX_CHARTS} cells of the sections that ask for
 *       charts ({@link CompareCharts}), the rest listed with a note saying why they have none;
 *   <li>every check that is unchanged or within its margin last, collapsed.
 * </ol>
 *
 * A filter (text, workload, optimizer, clipping; {@link CompareFilter}) hides the cells that do not
 * match. Element ids are stable: sections by their given id, a cell's block {@code
 * cell-<hash>} and its chart {@code loss_<hash>}, the hash taken from the cell label.
 */
public final class ComparePage {

  /**
   * Charts per page: each costs about 25 kB and a few milliseconds to draw, and past a few dozen
   * regressions the cause is shared and more curves add nothing.
   */
  public static final int MAX_CHARTS = 40;

  /** The two folders compared. */
  public record Sources(Path baseline, Path current) {}

  /**
   * The line at the top.
   *
   * @param passed whether {@code compare} exits 0
   * @param verdict the counts in one line
   * @param mode the rule in use
   */
  public record Headline(boolean passed, String verdict, String mode) {}

  /**
   * Flagged cells of one verdict, most severe first.
   *
   * @param id the section's element id
   * @param title its heading
   * @param note one sentence under the heading (what the verdict means); may be empty
   * @param charted whether its cells get a loss chart (within {@link #MAX_CHARTS})
   * @param cells the cells, in the order shown within each workload
   */
  public record Section(String id, String title, String note, boolean charted, List<CompareCell> cells) {}

  /**
   * What the page shows.
   *
   * @param experiment the experiment's name
   * @param sources the folders compared
   * @param headline the verdict and rule
   * @param sections the flagged cells, sections in page order
   * @param unchanged the cells with nothing flagged
   * @param rules how verdicts are reached, in prose
   */
  public record Content(
      String experiment,
      Sources sources,
      Headline headline,
      List<Section> sections,
      List<CompareCell> unchanged,
      String rules) {}

  private static final String COLUMNS = "<thead><tr><th>verdict</th><th>metric</th><th>method</th>"
      + "<th>n</th><th>baseline mean</th><th>current mean</th><th>interval against margin, or"
      + " largest per-seed change</th></tr></thead>\n";

  private ComparePage() {}

  /** The page. */
  public static String html(Content content) throws IOException {
    CompareIds ids = new CompareIds();
    Set<CompareCell> charted = chartedCells(content.sections());
    CompareCharts charts =
        new CompareCharts(content.sources().baseline(), content.sources().current());
    StringBuilder body = new StringBuilder(1 << 20);
    int drawn = 0;
    for (Section section : content.sections()) {
      if (!section.cells().isEmpty()) {
        drawn += section(body, section, charted, charts, ids);
      }
    }
    unchanged(body, content.unchanged(), ids);
    body.append("<section id=\"rules\">\n<h2>How it is decided</h2>\n<p class=\"note\">")
        .append(Html.escape(content.rules()))
        .append("</p>\n</section>\n");

    String name = Html.escape(content.experiment());
    StringBuilder html = new StringBuilder(body.length() + (4 << 20));
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append(GeneratedPages.MARK)
        .append("\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(name).append(": comparison with baseline</title>\n<style>\n")
        .append(ReportBuilder.resource("report.css"))
        .append(ReportBuilder.resource("compare.css"))
        .append("</style>\n<script>\n")
        .append(ReportBuilder.resource("report.js"))
        .append(ReportBuilder.resource("compare.js"))
        .append("</script>\n</head>\n<body>\n<pre id=\"js-errors\" hidden></pre>\n")
        .append("<p id=\"plotly_missing\" class=\"warning\" hidden>Charts could not be drawn: this"
            + " page carries plotly compressed and needs a browser with DecompressionStream"
            + " (Chrome 80, Firefox 113, Safari 16.4 or later).</p>\n");
    header(html, content);
    CompareFilter.form(html, content);
    html.append(body);
    if (drawn > 0) {
      // Last, so that the text is parsed and shown before the 3 MB of script data; a page without
      // charts carries no plotly at all.
      html.append(PlotlyAsset.inlineElement());
    }
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  /**
   * The cells that get a chart: the first {@link #MAX_CHARTS} of the charted sections, in their
   * given order (most severe first), which within a section is not page order (cells are grouped
   * by workload there). Held by identity: two views of one cell are two blocks.
   */
  static Set<CompareCell> chartedCells(List<Section> sections) {
    Set<CompareCell> cells = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Section s : sections) {
      for (CompareCell cell : s.cells()) {
        if (s.charted() && cells.size() < MAX_CHARTS) {
          cells.add(cell);
        }
      }
    }
    return cells;
  }

  private static void header(StringBuilder html, Content content) {
    Headline h = content.headline();
    html.append("<header>\n<h1>").append(Html.escape(content.experiment()))
        .append(": comparison with baseline</h1>\n<p id=\"verdict\" class=\"verdict ")
        .append(h.passed() ? "pass" : "fail").append("\">")
        .append(Html.escape(h.verdict())).append("</p>\n<p id=\"mode\">mode: ")
        .append(Html.escape(h.mode())).append("</p>\n<p class=\"sources\">baseline: <code>")
        .append(Html.escape(content.sources().baseline().toString()))
        .append("</code> · current: <code>")
        .append(Html.escape(content.sources().current().toString()))
        .append("</code></p>\n<nav id=\"jump\"><ul>\n");
    for (Section s : content.sections()) {
      html.append("<li>");
      link(html, s.id(), s.title() + " (" + s.cells().size() + ")", !s.cells().isEmpty());
      html.append("</li>\n");
    }
    html.append("<li>");
    link(html, "unchanged", "Unchanged (" + content.unchanged().size() + " cells)", true);
    html.append("</li>\n<li><a href=\"#rules\">How it is decided</a></li>\n</ul></nav>\n</header>\n");
  }

  private static void link(StringBuilder html, String id, String text, boolean live) {
    if (live) {
      html.append("<a href=\"#").append(Html.escape(id)).append("\">").append(Html.escape(text))
          .append("</a>");
    } else {
      html.append(Html.escape(text));
    }
  }

  /** One section of flagged cells; returns how many charts it drew. */
  private static int section(StringBuilder html, Section section, Set<CompareCell> charted,
      CompareCharts charts, CompareIds ids) {
    html.append("<section id=\"").append(Html.escape(section.id())).append("\" class=\"flagged\">\n")
        .append("<h2>").append(Html.escape(section.title())).append(" <span class=\"count\">")
        .append(cells(section.cells().size())).append("</span></h2>\n");
    if (!section.note().isEmpty()) {
      html.append("<p class=\"note\">").append(Html.escape(section.note())).append("</p>\n");
    }
    int drawn = 0;
    int uncharted = 0;
    for (var workload : byWorkload(section.cells()).entrySet()) {
      html.append("<div class=\"workload\" data-group>\n<h3>").append(Html.escape(workload.getKey()))
          .append(" <span class=\"count\">").append(cells(workload.getValue().size()))
          .append("</span></h3>\n");
      for (CompareCell cell : workload.getValue()) {
        String hash = ids.next(cell.label());
        html.append("<article class=\"cell ").append(verdictClass(cell)).append("\" id=\"cell-")
            .append(hash).append('"');
        CompareFilter.attributes(html, cell, cell.findings());
        html.append(">\n<h4>").append(Html.escape(cell.label()));
        if (!cell.change().isEmpty()) {
          html.append(" <span class=\"change\">largest change: ").append(Html.escape(cell.change()))
              .append("</span>");
        }
        html.append("</h4>\n<table class=\"checks\">").append(COLUMNS).append("<tbody>\n");
        cell.findings().forEach(check -> row(html, check, null));
        html.append("</tbody></table>\n");
        if (!cell.unchanged().isEmpty()) {
          html.append("<details class=\"quiet\"><summary>")
              .append(checks(cell.unchanged().size()))
              .append(" of this cell unchanged or within margin</summary>\n<table class=\"checks\">")
              .append(COLUMNS).append("<tbody>\n");
          cell.unchanged().forEach(check -> row(html, check, null));
          html.append("</tbody></table></details>\n");
        }
        if (section.charted()) {
          if (charted.contains(cell) && charts.possible()) {
            html.append(charts.html("loss_" + hash, cell));
            drawn++;
          } else {
            uncharted++;
          }
        }
        html.append("</article>\n");
      }
      html.append("</div>\n");
    }
    if (uncharted > 0) {
      html.append("<p class=\"note\" id=\"").append(Html.escape(section.id()))
          .append("-uncharted\">").append(cells(uncharted)).append(" of this section ")
          .append(uncharted == 1 ? "has" : "have").append(" no chart: ")
          .append(charts.possible()
              ? "only the " + MAX_CHARTS + " largest regressions and changes get one, to keep the"
                  + " page small and quick to open."
              : "neither folder keeps per-step losses (a baseline written by baseline update keeps"
                  + " none); compare with a result set to see curves.")
          .append("</p>\n");
    }
    html.append("</section>\n");
    return drawn;
  }

  /** The cells with nothing flagged: one row per check, collapsed. */
  private static void unchanged(StringBuilder html, List<CompareCell> cells, CompareIds ids) {
    int checks = cells.stream().mapToInt(c -> c.unchanged().size()).sum();
    html.append("<section id=\"unchanged\">\n<h2>Unchanged or within margin <span class=\"count\">")
        .append(cells(cells.size())).append("</span></h2>\n<details id=\"unchanged-checks\">"
            + "<summary>").append(checks(checks)).append(" in ").append(cells(cells.size()))
        .append(" with nothing flagged (open to list them)</summary>\n");
    for (var workload : byWorkload(cells).entrySet()) {
      html.append("<div class=\"workload\" data-group>\n<h3>").append(Html.escape(workload.getKey()))
          .append("</h3>\n<table class=\"checks unchanged\"><thead><tr><th>cell</th>")
          .append(COLUMNS.substring("<thead><tr>".length()));
      for (CompareCell cell : workload.getValue()) {
        // One tbody per cell: the filter hides a cell's rows together.
        html.append("<tbody id=\"cell-").append(ids.next(cell.label())).append('"');
        CompareFilter.attributes(html, cell, List.of());
        html.append(">\n");
        for (int i = 0; i < cell.unchanged().size(); i++) {
          row(html, cell.unchanged().get(i), i == 0 ? cell.label() : "");
        }
        html.append("</tbody>\n");
      }
      html.append("</table>\n</div>\n");
    }
    html.append("</details>\n</section>\n");
  }

  /** One check as a table row; a non-null {@code label} fills a first column naming the cell. */
  private static void row(StringBuilder html, CompareCheck check, String label) {
    html.append("<tr class=\"").append(Html.escape(check.verdict())).append("\">");
    if (label != null) {
      html.append("<td>").append(Html.escape(label)).append("</td>");
    }
    html.append("<td class=\"verdict-word\">").append(Html.escape(check.verdict()))
        .append("</td><td>").append(Html.escape(check.metric())).append("</td><td>")
        .append(Html.escape(check.method())).append("</td><td class=\"num\">")
        .append(Html.escape(check.n())).append("</td><td class=\"num\">")
        .append(Html.escape(check.baseline())).append("</td><td class=\"num\">")
        .append(Html.escape(check.current())).append("</td><td>")
        .append(Html.escape(check.detail())).append("</td></tr>\n");
  }

  /** The most severe verdict of a flagged cell: its block's CSS class. */
  private static String verdictClass(CompareCell cell) {
    return cell.findings().isEmpty() ? "ok" : Html.escape(cell.findings().get(0).verdict());
  }

  /** Cells by workload, workloads in order of their first cell, cells in their given order. */
  private static Map<String, List<CompareCell>> byWorkload(List<CompareCell> cells) {
    Map<String, List<CompareCell>> groups = new LinkedHashMap<>();
    for (CompareCell c : cells) {
      groups.computeIfAbsent(c.workload(), k -> new ArrayList<>()).add(c);
    }
    return groups;
  }

  private static String cells(int n) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? "cell" : "cells");
  }

  private static String checks(int n) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? "check" : "checks");
  }
}
