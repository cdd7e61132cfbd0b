package org.optbench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.optbench.io.AtomicFiles;
import org.optbench.io.ResultSet;

/**
 * Builds {@code reports/<experiment>/index.html} from {@code results/<experiment>/} alone.
 *
 * <pre>{@code
 * Path index = ReportBuilder.build(Path.of("results/quickstart"), Path.of("reports/quickstart"));
 * }</pre>
 *
 * <p>The page loads {@code ../plotly-2.35.3.js} (installed beside the report folder, shared by all
 * reports) and nothing else: no CDN, no remote fonts, so it opens from {@code file://} offline.
 */
public final class ReportBuilder {

  private ReportBuilder() {}

  /**
   * Reads the result set in {@code resultsDir} and writes {@code outDir/index.html}, plus {@code
   * outDir/../plotly-<version>.js} when missing.
   *
   * @return the page's path
   * @throws IOException when {@code resultsDir} is not a readable result set (the message says what
   *     is missing) or the report cannot be written
   */
  public static Path build(Path resultsDir, Path outDir) throws IOException {
    ResultSet results = ResultSet.read(resultsDir);
    Path out = outDir.toAbsolutePath();
    Files.createDirectories(out);
    PlotlyAsset.install(out.getParent());
    Path index = out.resolve("index.html");
    AtomicFiles.writeString(index, page(results));
    return index;
  }

  static String page(ResultSet results) {
    List<CellInfo> cells = CellInfo.of(results.runs());
    Map<String, List<CellInfo>> workloads = CellInfo.byWorkload(cells);
    Styles styles = new Styles(cells);
    CurveCharts charts = new CurveCharts(results, styles);
    String name = Html.escape(results.experiment());

    StringBuilder html = new StringBuilder(1 << 16);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(name)
        .append(" · optbench report</title>\n")
        .append("<style>\n")
        .append(css())
        .append("</style>\n")
        .append("<script src=\"../")
        .append(PlotlyAsset.FILE_NAME)
        .append("\"></script>\n")
        .append("</head>\n<body>\n")
        .append("<p id=\"plotly_missing\" class=\"warning\" hidden>Charts need ")
        .append(PlotlyAsset.FILE_NAME)
        .append(" in the folder above this report; run <code>optbench report</code> again to")
        .append(" restore it.</p>\n")
        .append("<script>if (typeof Plotly === 'undefined') {")
        .append(" document.getElementById('plotly_missing').hidden = false; }</script>\n")
        .append(Header.html(results.manifest()));

    html.append("<nav><h2>Contents</h2><ul>\n<li><a href=\"#final\">Final metrics</a></li>\n");
    int index = 1;
    for (List<CellInfo> group : workloads.values()) {
      html.append("<li><a href=\"#workload_")
          .append(index++)
          .append("\">")
          .append(Html.escape(group.get(0).workloadLabel()))
          .append("</a></li>\n");
    }
    html.append("<li><a href=\"#spec\">Spec</a></li>\n</ul></nav>\n");

    html.append("<section id=\"final\">\n<h2>Final metrics</h2>\n");
    if (cells.isEmpty()) {
      html.append("<p>This result set has no runs.</p>\n");
    } else {
      html.append("<p>Mean ± standard deviation over seeds, from runs.csv. Final loss is the")
          .append(
              " training loss of the last finite step; accuracy is on the held-out split.</p>\n")
          .append(FinalMetrics.html(results.runs(), cells));
    }
    html.append("</section>\n");

    index = 1;
    for (List<CellInfo> group : workloads.values()) {
      html.append("<section id=\"workload_")
          .append(index)
          .append("\">\n<h2>")
          .append(Html.escape(group.get(0).workloadLabel()))
          .append("</h2>\n")
          .append(charts.html(index, group))
          .append("</section>\n");
      index++;
    }

    html.append(CrossCheckSection.html(results.dir())); // crosscheck.csv, when present
    html.append("<section id=\"spec\">\n<h2>Spec</h2>\n<pre class=\"spec\">")
        .append(Html.escape(results.manifest().specText()))
        .append("</pre>\n</section>\n")
        .append("<footer><p>Built by optbench from the result set ")
        .append(Html.escape(results.dir().getFileName().toString()))
        .append(".</p></footer>\n</body>\n</html>\n");
    return html.toString();
  }

  private static String css() {
    try (InputStream in = ReportBuilder.class.getResourceAsStream("report.css")) {
      if (in == null) {
        throw new IllegalStateException("report.css is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
