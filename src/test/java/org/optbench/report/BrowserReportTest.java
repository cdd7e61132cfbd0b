package org.optbench.report;

import org.optbench.testing.PageDom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.optbench.io.SampleResults.component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.io.ClaimsTable;
import org.optbench.io.SampleResults;
import org.optbench.spec.Axis;
import org.optbench.spec.ExperimentSpec;
import org.optbench.testing.Chromium;

/**
 * Opens a report in headless Chromium (Debian's {@code chromium}; {@code .ci/run} installs it) and
 * checks what only a browser can: no JavaScript error, and every chart drawn by plotly. Saves a
 * screenshot per section under {@code target/}. Skipped, saying so, where no Chromium is installed.
 *
 * <p>The browser runs with networking features off and a fresh profile; the page has only relative
 * URLs, so it has nothing to fetch.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserReportTest {

  static final Path CHROMIUM = Chromium.PATH;

  @TempDir static Path tmp;

  Path index;

  @BeforeAll
  void buildReport() throws IOException {
    ExperimentSpec spec =
        SampleResults.spec(
            // Experiment names are safe folder names by the time a report reads them (SafeNames);
            // the description carries the hostile text.
            "browser-check",
            "browser check <img src=x onerror=alert(2)>",
            List.of(component(Axis.WORKLOAD, "linear_regression"), component(Axis.WORKLOAD, "mlp")),
            List.of(
                SampleResults.custom(
                    "<script>alert(1)</script>", component(Axis.OPTIMIZER, "sgd", "lr", 0.1)),
                component(Axis.OPTIMIZER, "adam", "lr", 0.01)),
            List.of(
                component(Axis.CLIP, "none"),
                component(Axis.CLIP, "global_norm", "max_norm", 0.5),
                component(Axis.CLIP, "autoclip")),
            List.of(0L, 1L),
            60,
            10);
    // A diverged seed and a loss spike, so that their markers are drawn too.
    Path results = SampleReports.withEvents(tmp.resolve("results"), spec, 40);
    ClaimsTable.write(
        ClaimsTable.of(
            List.of("Adam beats <b>SGD</b>"),
            List.of("a paper"),
            List.of("final loss"),
            List.of("reproduced"),
            List.of("0.1 < 0.2")),
        results);
    index = ReportBuilder.build(results, ReportFolder.inRoot(tmp.resolve("reports"), "exp"));
  }

  @Test
  void everyChartRendersWithoutJavaScriptErrors() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + ": browser check skipped");
    String dom = chromium("--dump-dom", url("charts=all"));
    int charts = PageDom.assertEveryChartDrawn(dom, "every chart drawn");
    assertTrue(charts >= 10, "charts: " + charts);
    Matcher firstScreen = Pattern.compile("data-first-screen-ms=\"(\\d+)\"").matcher(dom);
    assertTrue(firstScreen.find(), "first screen recorded");
    assertTrue(Integer.parseInt(firstScreen.group(1)) > 0, "first screen after navigation start");
    // Each drawn chart holds plotly's SVG with at least one trace.
    Matcher drawn = Pattern.compile("<div[^>]*\\sdata-rendered=\"true\"").matcher(dom);
    int divs = 0;
    while (drawn.find()) {
      divs++;
    }
    assertEquals(charts, divs, "chart divs marked rendered");
    assertTrue(count(dom, "class=\"main-svg\"") >= charts);
    // AutoClip's logged threshold has its own chart, drawn like the others.
    assertTrue(Pattern.compile("<div id=\"clip_threshold_1\"[^>]*data-rendered=\"true\"")
        .matcher(dom).find(), "adaptive threshold chart drawn");
    assertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "hostile name as text");
    assertTrue(dom.contains("Adam beats &lt;b&gt;SGD&lt;/b&gt;"), "claim text escaped");
  }

  /**
   * The page alone, copied into another folder, draws its charts (plotly travels inside it), and
   * its filter keeps only the rows and lines of the chosen optimizer.
   */
  @Test
  void aCopyOfThePageAloneDrawsAndFilters() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + ": browser check skipped");
    Path alone = Files.createDirectories(tmp.resolve("elsewhere")).resolve("copy.html");
    Files.copy(index, alone, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    String dom = chromium("--dump-dom", alone.toUri() + "?charts=all&filter="
        + java.net.URLEncoder.encode("optimizer:adam(lr=0.01)", java.nio.charset.StandardCharsets.UTF_8));
    PageDom.assertEveryChartDrawn(dom, "every chart drawn from the lone copy");
    // 2 workloads × 2 optimizers × 3 clips: the filter keeps Adam's 6 of the 12 settings.
    assertTrue(dom.contains("6 of 12 settings shown"), "filter summary");
    Matcher summary = Pattern.compile("<table[^>]*id=\"table-summary\"[\\s\\S]*?</table>").matcher(dom);
    assertTrue(summary.find(), "summary table");
    int shown = 0;
    int hidden = 0;
    Matcher rows = Pattern.compile("<tr( hidden=\"\")?><td>[^<]*</td><td>([^<]*)</td>").matcher(summary.group());
    while (rows.find()) {
      if (rows.group(1) == null) {
        shown++;
        assertTrue(rows.group(2).startsWith("adam(lr=0.01)"), "shown row: " + rows.group(2));
      } else {
        hidden++;
      }
    }
    assertEquals(6, shown);
    assertEquals(6, hidden);
  }

  @Test
  void timesItsFirstScreenWithTheChartsInIt() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + ": browser check skipped");
    // Opened at the convergence section, the first viewport starts with the loss chart loss_1.
    String dom = chromium("--window-size=1400,900", "--dump-dom", index.toUri() + "#convergence");
    Matcher errors = Pattern.compile("<pre id=\"js-errors\"[^>]*>([^<]*)</pre>").matcher(dom);
    assertTrue(errors.find(), "error log element");
    assertEquals("", errors.group(1).strip(), "JavaScript errors");
    Matcher body = Pattern.compile("<body[^>]*>").matcher(dom);
    assertTrue(body.find(), "body");
    String tag = body.group();
    Matcher ms = Pattern.compile("data-first-screen-ms=\"(\\d+)\"").matcher(tag);
    assertTrue(ms.find(), "first screen recorded: " + tag);
    assertTrue(Integer.parseInt(ms.group(1)) > 0, "milliseconds after navigation start: " + tag);
    Matcher charts = Pattern.compile("data-first-screen-charts=\"(\\d+)\"").matcher(tag);
    assertTrue(charts.find() && Integer.parseInt(charts.group(1)) >= 1, "loss_1 on screen: " + tag);
    assertTrue(
        Pattern.compile("<div id=\"loss_1\"[^>]*\\sdata-rendered=\"true\"").matcher(dom).find(),
        "loss_1 drawn");
  }

  @Test
  void savesAScreenshotOfEachSection() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + ": browser check skipped");
    Path target = Path.of("target").toAbsolutePath();
    Files.createDirectories(target);
    for (String section : List.of("overview", "convergence", "stability", "memory", "claims")) {
      Path png = target.resolve("report-" + section + ".png");
      Files.deleteIfExists(png);
      chromium(
          "--screenshot=" + png,
          "--window-size=1400,2400",
          url("charts=all&section=" + section));
      assertTrue(Files.size(png) > 10_000, png + " written");
    }
  }

  private String url(String query) {
    return index.toUri() + "?" + query;
  }

  private String chromium(String... args) throws Exception {
    return Chromium.run(tmp, args);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
