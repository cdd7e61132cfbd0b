package org.optbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.optbench.io.AtomicFiles;
import org.optbench.io.GeneratedPages;
import org.optbench.io.Manifest;

/**
 * {@code reports/index.html}: every report in the reports root, with its description, run counts and
 * finish time. Each report leaves {@code report.json} beside its page for this list, so the index
 * can be rebuilt without the result sets.
 */
final class ReportIndex {

  static final String INFO = "report.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportIndex() {}

  static void record(Path reportDir, Manifest m) throws IOException {
    ObjectNode info =
        JSON.createObjectNode()
            .put("experiment", m.experiment())
            .put("description", m.description())
            .put("runs", m.runs())
            .put("cells", m.cells())
            .put("diverged", m.divergedRuns())
            .put("status", m.status())
            .put("finished", m.finished());
    AtomicFiles.writeString(reportDir.resolve(INFO), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(info));
  }

  /** Rewrites {@code reportsRoot/index.html} from the {@code report.json} files below it. */
  static Path write(Path reportsRoot) throws IOException {
    List<Path> reports = new ArrayList<>();
    try (Stream<Path> children = Files.list(reportsRoot)) {
      children
          .filter(d -> Files.isRegularFile(d.resolve(INFO)) && Files.isRegularFile(d.resolve("index.html")))
          .sorted()
          .forEach(reports::add);
    }
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append(GeneratedPages.MARK)
        .append("\n<title>optbench reports</title>\n<style>\n")
        .append(ReportBuilder.resource("report.css"))
        .append("</style>\n</head>\n<body>\n<h1>optbench reports</h1>\n")
        .append("<table class=\"data\" id=\"table-reports\">\n<thead><tr><th>experiment</th>")
        .append("<th>description</th><th>runs</th><th>diverged</th><th>status</th>")
        .append("<th>finished</th></tr></thead>\n<tbody>\n");
    for (Path dir : reports) {
      JsonNode info;
      try {
        info = JSON.readTree(dir.resolve(INFO).toFile());
      } catch (IOException unreadable) {
        continue;
      }
      String folder = dir.getFileName().toString();
      html.append("<tr><td><a href=\"")
          .append(Html.escape(encode(folder)))
          .append("/index.html\">")
          .append(Html.escape(info.path("experiment").asText(folder)))
          .append("</a></td><td>")
          .append(Html.escape(info.path("description").asText("")))
          .append("</td><td class=\"num\">")
          .append(info.path("runs").asInt())
          .append(" / ")
          .append(info.path("cells").asInt())
          .append("</td><td class=\"num")
          .append(info.path("diverged").asInt() > 0 ? " bad" : "")
          .append("\">")
          .append(info.path("diverged").asInt())
          .append("</td><td>")
          .append(Html.escape(info.path("status").asText("")))
          .append("</td><td>")
          .append(Html.escape(info.path("finished").asText("")))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</body>\n</html>\n");
    Path index = reportsRoot.resolve("index.html");
    AtomicFiles.writeString(index, html.toString());
    return index;
  }

  /** A folder name as a relative URL path segment. */
  private static String encode(String folder) {
    return java.net.URLEncoder.encode(folder, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
