package org.optbench.figures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.optbench.report.ChartFigure;
import org.optbench.report.ReportCharts;

/**
 * Renders paper figures with plotly.js in one headless Chromium ({@link DevToolsPipe}): a page in
 * a temporary folder ({@code figures.html}, beside a copy of the report's plotly.js) draws each
 * figure and exports it with {@code Plotly.toImage}; SVG and PNG come back as they are, and a PDF
 * is Chromium printing that SVG alone on a page of the figure's size, so it stays vector (text,
 * paths, embedded font subsets), one page per figure. The temporary folder, browser profile
 * included, is deleted afterwards.
 */
final class ChromiumFigures {

  /** How often the page is asked whether plotly has loaded. */
  private static final long LOAD_POLL_MS = 50;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path chromium;
  private final Duration timeout;

  /**
   * @param chromium the browser, e.g. {@code /usr/bin/chromium}
   * @param timeout how long starting the browser, or drawing one figure, may take before the
   *     browser is stopped
   */
  ChromiumFigures(Path chromium, Duration timeout) {
    this.chromium = chromium;
    this.timeout = timeout;
  }

  /**
   * The files of {@code charts}, styled for paper by {@link PaperStyle}, in {@code options}'
   * format, in the order given, and the charts whose legend did not fit.
   */
  Rendered render(List<ChartFigure> charts, FigureOptions options) throws IOException {
    Path scratch = Files.createTempDirectory("optbench-figures");
    try {
      Path page = page(scratch);
      Files.createDirectories(scratch.resolve("profile"));
      try (DevToolsPipe browser = DevToolsPipe.start(
          chromium, scratch.resolve("profile"), scratch.resolve("chromium.log"), timeout)) {
        browser.step("to start and load plotly");
        String session = open(browser, page);
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> legendsCut = new ArrayList<>();
        for (ChartFigure chart : charts) {
          browser.step("to draw " + chart.id());
          ObjectNode figure = PaperStyle.apply(chart.figure(), options);
          JsonNode drawn = evaluate(browser, session, "optbenchFigures.image("
              + JSON.writeValueAsString(figure) + ", '" + imageFormat(options.format()) + "', "
              + options.scale() + ")", chart.id());
          if (drawn.path("legendCut").asBoolean()) {
            legendsCut.add(chart.id());
          }
          String image = drawn.path("image").asText();
          files.put(chart.id(), switch (options.format()) {
            case SVG -> image.getBytes(StandardCharsets.UTF_8);
            case PNG -> Base64.getDecoder().decode(image);
            case PDF -> pdf(browser, session, chart.id(), image, options.size());
          });
        }
        return new Rendered(files, legendsCut);
      }
    } finally {
      deleteTree(scratch);
    }
  }

  /** Writes the export page and plotly beside it; returns the page. */
  private static Path page(Path scratch) throws IOException {
    Path plotly = ReportCharts.installPlotly(scratch);
    String html;
    try (InputStream in = ChromiumFigures.class.getResourceAsStream("figures.html")) {
      if (in == null) {
        throw new IllegalStateException("figures.html is missing from the class path");
      }
      html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path page = scratch.resolve("figures.html");
    Files.writeString(page, html.replace("src=\"plotly.js\"",
        "src=\"" + plotly.getFileName() + "\""), StandardCharsets.UTF_8);
    return page;
  }

  /** Opens {@code page} in a new tab, waits until plotly has loaded, and returns the session. */
  private static String open(DevToolsPipe browser, Path page) throws IOException {
    JsonNode target = browser.send("Target.createTarget",
        DevToolsPipe.params().put("url", page.toUri().toString()));
    String session = browser.send("Target.attachToTarget",
        DevToolsPipe.params().put("targetId", target.path("targetId").asText()).put("flatten", true))
        .path("sessionId").asText();
    // A new tab shows about:blank, complete, until the page's navigation commits: wait for the
    // page itself, then for its scripts.
    String url = page.toUri().toString();
    while (true) {
      String state = evaluate(browser, session, "[location.href === " + JSON.writeValueAsString(url)
          + ", document.readyState, typeof Plotly, typeof optbenchFigures].join(' ')").asText();
      if (state.equals("true complete object object")) {
        return session;
      }
      if (state.startsWith("true complete")) {
        throw new IOException("the figure page loaded without plotly (" + state + ")");
      }
      try {
        Thread.sleep(LOAD_POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while plotly loaded", e);
      }
    }
  }

  /** What plotly exports for {@code format}: a PDF page is printed from the SVG. */
  private static String imageFormat(FigureFormat format) {
    return format == FigureFormat.PNG ? "png" : "svg";
  }

  /**
   * Prints {@code svg} alone on one page of {@code size}, margins none, background drawn; the
   * PDF's title is the chart's id.
   */
  private static byte[] pdf(
      DevToolsPipe browser, String session, String id, String svg, FigureSize size)
      throws IOException {
    evaluate(browser, session, "optbenchFigures.show(" + JSON.writeValueAsString(svg) + ", "
        + JSON.writeValueAsString(id) + ")");
    ObjectNode print = DevToolsPipe.params()
        .put("paperWidth", size.width())
        .put("paperHeight", size.height())
        .put("marginTop", 0)
        .put("marginBottom", 0)
        .put("marginLeft", 0)
        .put("marginRight", 0)
        .put("printBackground", true)
        // A figure fills its page exactly; should rounding spill a pixel over, the spill's page is
        // left out.
        .put("pageRanges", "1");
    return Base64.getDecoder().decode(
        browser.send("Page.printToPDF", print, session).path("data").asText());
  }

  private static JsonNode evaluate(DevToolsPipe browser, String session, String expression)
      throws IOException {
    return evaluate(browser, session, expression, null);
  }

  /** The value of {@code expression} (awaited when a promise); fails with the page's error. */
  private static JsonNode evaluate(
      DevToolsPipe browser, String session, String expression, String chartId) throws IOException {
    JsonNode result = browser.send("Runtime.evaluate", DevToolsPipe.params()
        .put("expression", expression)
        .put("awaitPromise", true)
        .put("returnByValue", true), session);
    if (result.has("exceptionDetails")) {
      JsonNode details = result.get("exceptionDetails");
      String text = details.path("exception").path("description").asText(details.path("text").asText());
      throw new IOException((chartId == null ? "the figure page" : "chart " + chartId)
          + " failed in plotly: " + text);
    }
    return result.path("result").path("value");
  }

  /**
   * The files of a rendering, chart id → content in chart order, and the charts whose legend did
   * not fit in the figure (its last rows are missing).
   */
  record Rendered(Map<String, byte[]> files, List<String> legendsCut) {}

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
