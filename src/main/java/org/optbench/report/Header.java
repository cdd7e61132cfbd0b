package org.optbench.report;

import java.time.Duration;
import org.optbench.io.Manifest;

/** The top of the page: what ran, where, when, and how many runs diverged. */
final class Header {

  private Header() {}

  static String html(Manifest m) {
    StringBuilder html = new StringBuilder();
    html.append("<header>\n<h1>").append(Html.escape(m.experiment())).append("</h1>\n");
    if (m.description() != null && !m.description().isBlank()) {
      html.append("<p class=\"description\">")
          .append(Html.escape(m.description()))
          .append("</p>\n");
    }
    html.append("<p class=\"counts\">")
        .append(m.runs())
        .append(" runs of ")
        .append(m.cells())
        .append(" in the grid, ")
        .append("<span class=\"")
        .append(m.divergedRuns() > 0 ? "bad" : "ok")
        .append("\">")
        .append(m.divergedRuns())
        .append(" diverged</span>; status ")
        .append(Html.escape(m.status()))
        .append("</p>\n");
    html.append("<table class=\"manifest\">\n");
    row(html, "spec file", m.specFile());
    row(html, "spec SHA-256", m.specSha256());
    row(html, "started", m.started());
    row(html, "finished", m.finished());
    row(html, "wall time", wallTime(m));
    row(html, "optbench", m.optbenchVersion() + " (" + m.gitCommit() + ")");
    row(html, "Java", m.javaVersion());
    row(html, "DJL / PyTorch", m.djlVersion() + " / " + m.pytorchVersion());
    row(html, "engine threads", Integer.toString(m.threads()));
    row(html, "OS", m.os());
    row(html, "CPU", m.cpu() + " (" + m.cores() + " cores)");
    html.append("</table>\n</header>\n");
    return html.toString();
  }

  private static void row(StringBuilder html, String key, String value) {
    html.append("<tr><th>")
        .append(Html.escape(key))
        .append("</th><td>")
        .append(Html.escape(value))
        .append("</td></tr>\n");
  }

  private static String wallTime(Manifest m) {
    try {
      Duration d = m.wallTime();
      return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    } catch (RuntimeException unparseable) {
      return "–";
    }
  }
}
