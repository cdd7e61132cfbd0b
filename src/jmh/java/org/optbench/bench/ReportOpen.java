package org.optbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.optbench.report.ReportBuilder;
import org.optbench.report.ReportFolder;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.SpecParser;

/**
 * How fast the report of the 500-run grid of {@link ReportScale} opens: each repeat launches a cold
 * headless Chromium (fresh profile), opens the page and waits until the page reports its first
 * screen drawn ({@code <body data-first-screen-ms>}, set by report.js: navigation start until the
 * load event has run and the charts in the first viewport are drawn). Three ways in: the top of the
 * page, the convergence section (its first viewport holds the two largest charts), and {@code
 * ?charts=all} (every chart, {@code data-all-rendered-ms}).
 *
 * <p>Printed per way, medians over the repeats: the page's own figure, when its text was first
 * painted (plotly loads deferred, so text shows before charts), the browser's start (launch
 * until its DevTools endpoint answers), the wall time from opening the tab until the page reported
 * (the browser's start excluded) and the wall time from launch (included).
 *
 * <pre>
 * scripts/bench.sh report-open [REPEATS]    # rebuilds target/report-scale/reports/scale first
 * scripts/bench.sh report-open 5 reports/nightly/index.html   # any page
 * </pre>
 */
public final class ReportOpen {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /** A laptop screen: the first viewport of the page. */
  static final int WIDTH = 1400;

  static final int HEIGHT = 900;

  /** How the page is opened and which attribute of {@code <body>} says it is done. */
  record Way(String name, String suffix, String doneAttribute) {}

  static final List<Way> WAYS =
      List.of(
          new Way("open", "", "data-first-screen-ms"),
          new Way("open at #convergence", "#convergence", "data-first-screen-ms"),
          new Way("?charts=all", "?charts=all", "data-all-rendered-ms"));

  public static void main(String[] args) throws Exception {
    int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    // A page of one's own (e.g. the nightly report) as second argument; else the synthetic grid's.
    Path index = args.length > 1 ? Path.of(args[1]).toAbsolutePath() : report();
    System.out.printf("page %s: %.1f MB%n", index, Files.size(index) / 1e6);
    for (Way way : WAYS) {
      List<double[]> samples = new ArrayList<>();
      for (int i = 0; i < repeats; i++) {
        double[] s = open(index.toUri() + way.suffix(), way.doneAttribute());
        System.out.printf(
            "  %-22s %d: page %5.0f ms (text painted %4.0f ms, DOMContentLoaded %4.0f ms,"
                + " %.0f charts), start %.2f s, open %.2f s, with start %.2f s%n",
            way.name(), i + 1, s[0], s[6], s[1], s[2], s[3], s[4], s[5]);
        samples.add(s);
      }
      System.out.printf(
          "%-22s median of %d: page %s = %.0f ms (text painted %.0f ms), browser start %.2f s,"
              + " wall without start %.2f s, with start %.2f s%n",
          way.name(),
          repeats,
          way.doneAttribute(),
          median(samples, 0),
          median(samples, 6),
          median(samples, 3),
          median(samples, 4),
          median(samples, 5));
    }
  }

  /** The scale report, rebuilt from the synthetic results (written first when missing). */
  static Path report() throws Exception {
    Path root = Path.of("target/report-scale");
    Path results = root.resolve("results").resolve("scale");
    if (!Files.isRegularFile(results.resolve("steps.csv"))) {
      ExperimentSpec spec =
          SpecParser.parse(
              Path.of("experiments/scale.yaml"), String.format(ReportScale.SPEC, 10_000));
      results = ReportScale.write(spec, root.resolve("results"));
    }
    return ReportBuilder.build(results, ReportFolder.inRoot(root.resolve("reports"), "scale"));
  }

  /**
   * One cold open of {@code url}.
   *
   * @return the page's figure ({@code done} attribute, ms), its DOMContentLoaded end (ms), charts
   *     in the first screen, browser start (s), wall from opening the tab (s), wall from launch (s),
   *     first contentful paint (ms after navigation start, the Paint Timing API: text on screen)
   */
  static double[] open(String url, String done) throws Exception {
    try (HeadlessChromium browser = HeadlessChromium.launch(CHROMIUM, WIDTH, HEIGHT)) {
      long opened = System.nanoTime();
      String page = browser.open(url);
      JsonNode ms =
          browser.await(
              page,
              "document.body && document.body.getAttribute('" + done + "')",
              10,
              Duration.ofMinutes(2));
      long seen = System.nanoTime();
      String errors = browser.evaluate(page, "document.getElementById('js-errors').textContent").asText();
      if (!errors.isBlank()) {
        throw new IllegalStateException("JavaScript errors in " + url + ":\n" + errors);
      }
      return new double[] {
        Double.parseDouble(ms.asText()),
        number(browser.evaluate(page, "document.body.getAttribute('data-dom-ready-ms')")),
        number(browser.evaluate(page, "document.body.getAttribute('data-first-screen-charts')")),
        browser.startSeconds(),
        (seen - opened) / 1e9,
        (seen - browser.launchedNanos()) / 1e9,
        number(
            browser.evaluate(
                page,
                "(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime"))
      };
    }
  }

  private static double number(JsonNode value) {
    return value.isNull() ? Double.NaN : Double.parseDouble(value.asText());
  }

  private static double median(List<double[]> samples, int column) {
    double[] v = samples.stream().mapToDouble(s -> s[column]).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
