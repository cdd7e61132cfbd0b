package org.optbench.report;

import org.optbench.testing.ChartData;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optbench.io.SampleResults.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.io.ResultSetWriter;
import org.optbench.io.SampleResults;
import org.optbench.metrics.RunResult;
import org.optbench.spec.Axis;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.spec.ExperimentSpec;
import tech.tablesaw.api.Table;

/** A report built once from a small hand-made result set, then inspected. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBuilderTest {

  static final String ALERT = "<script>alert(1)</script>";
  static final String IMG = "<img src=x onerror=alert(2)>";
  /** Experiment names are safe folder names by the time a report reads them (SafeNames). */
  static final String EXPERIMENT = "escaping";

  @TempDir static Path tmp;

  static final int SPIKE_STEP = 30;

  List<RunResult> written = new ArrayList<>();
  Cell spiked;
  Path index;
  String html;

  @BeforeAll
  void buildReport() throws IOException {
    Component hostile = SampleResults.custom(ALERT, component(Axis.OPTIMIZER, "adam", "lr", 0.01));
    Component quoted =
        SampleResults.custom("o'p\"t\\x", component(Axis.OPTIMIZER, "sgd", "lr", 0.1));
    ExperimentSpec spec =
        SampleResults.spec(
            EXPERIMENT,
            "compare " + ALERT + " & \"friends\" " + IMG,
            List.of(component(Axis.WORKLOAD, "linear_regression"), component(Axis.WORKLOAD, "mlp")),
            List.of(hostile, quoted),
            List.of(
                component(Axis.CLIP, "none"), component(Axis.CLIP, "global_norm", "max_norm", 0.5)),
            List.of(0L, 1L, 2L),
            40,
            10);
    ResultSetWriter writer = ResultSetWriter.open(tmp.resolve("results"), spec.name());
    List<Cell> cells = spec.cells();
    for (int i = 0; i < cells.size(); i++) {
      // One seed of the first unclipped sgd cell on linear regression diverges at step 7; seed 1
      // of the first cell has a loss spike at step 30.
      RunResult run =
          i == 8
              ? SampleResults.diverging(cells.get(i), 7)
              : i == 1
                  ? SampleResults.spiking(cells.get(i), SPIKE_STEP, 5)
                  : SampleResults.converging(cells.get(i));
      if (i == 1) {
        spiked = cells.get(i);
      }
      written.add(run);
      writer.add(run);
    }
    Instant started = Instant.parse("2026-11-21T14:30:05Z");
    Path results =
        writer
            .commit(spec, SampleResults.environment(), started, started.plusSeconds(3725))
            .published();
    index = ReportBuilder.build(results, ReportFolder.inRoot(tmp.resolve("reports"), "exp"));
    html = Files.readString(index);
  }

  @Test
  void theDefaultPageCarriesPlotlyItselfAndNeedsNoOtherFile() throws IOException {
    assertEquals(tmp.resolve("reports/exp/index.html").toAbsolutePath(), index);
    assertFalse(Files.exists(tmp.resolve("reports/plotly-2.35.3.js")), "no shared script");
    Matcher data = Pattern.compile(
        "<script type=\"application/gzip\" id=\"plotly-gzip-base64\"[^>]*>([A-Za-z0-9+/=]+)</script>")
        .matcher(html);
    assertTrue(data.find(), "the compressed script is in the page");
    byte[] inflated;
    try (InputStream in = new java.util.zip.GZIPInputStream(
        new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(data.group(1))))) {
      inflated = in.readAllBytes();
    }
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("META-INF/resources/webjars/plotly.js-dist/2.35.3/plotly.js")) {
      assertArrayEquals(in.readAllBytes(), inflated, "decompresses to the webjar's plotly.js");
    }
    // Base64 in a data block: less than a third of the 10.8 MB script.
    assertTrue(data.group(1).length() < 3_500_000, "size " + data.group(1).length());
  }

  @Test
  void theSharedLayoutLoadsOneScriptBesideTheReports() throws IOException {
    Path root = tmp.resolve("shared-reports");
    Path page = ReportBuilder.build(tmp.resolve("results").resolve(EXPERIMENT),
        ReportFolder.inRoot(root, "exp").withPlotly(PlotlyPlacement.SHARED));
    Path asset = root.resolve("plotly-2.35.3.js");
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("META-INF/resources/webjars/plotly.js-dist/2.35.3/plotly.js")) {
      assertEquals(in.readAllBytes().length, Files.size(asset));
    }
    String shared = Files.readString(page);
    // Deferred: the page's text shows before the browser has compiled plotly's 11 MB.
    assertTrue(shared.contains("<script defer src=\"../plotly-2.35.3.js\"></script>"));
    assertFalse(shared.contains("plotly-gzip-base64\""));
  }

  @Test
  void loadsNothingFromTheNetwork() {
    // Attributes of real tags only: escaped text such as "&lt;img src=x" is no attribute.
    Matcher tags = Pattern.compile("<[a-zA-Z][^<>]*>").matcher(html);
    Pattern attribute = Pattern.compile("\\s(src|href)\\s*=\\s*[\"']?([^\"'\\s>]*)");
    int sources = 0;
    while (tags.find()) {
      Matcher m = attribute.matcher(tags.group());
      if (!m.find()) {
        continue;
      }
      String url = m.group(2);
      assertFalse(url.matches("(?i)^(https?:|//|ftp:).*"), "remote " + m.group(1) + ": " + url);
      if (m.group(1).equals("src")) {
        sources++;
      }
    }
    assertEquals(0, sources, "the single-file page loads nothing by src");
    assertFalse(html.contains("@import"));
    assertFalse(html.contains("cdn.plot.ly"));
  }

  @Test
  void hasEveryChartThatHasData() {
    for (String id :
        List.of(
            "loss_1",
            "eval_loss_1",
            "grad_norm_1",
            "loss_2",
            "eval_accuracy_2",
            "eval_loss_2",
            "grad_norm_2")) {
      assertTrue(html.contains("<div id=\"" + id + "\""), id);
      assertTrue(ChartData.has(html, id), id);
    }
    // Linear regression measures no accuracy: no empty chart for it.
    assertFalse(html.contains("eval_accuracy_1"));
    // Every sample run keeps its lr (0.1) and applies it as given: flat lines would say nothing,
    // so there is no learning-rate section at all.
    assertFalse(html.contains("step_size_1"));
    assertFalse(html.contains("<div id=\"lr_1\""));
    assertFalse(html.contains("<section id=\"step-size\""));
  }

  @Test
  void lossWithADivergedSeedSpansDecadesAndIsDrawnOnALogAxisWithACross() {
    String loss1 = script("loss_1");
    assertTrue(loss1.contains("\"type\":\"log\""), "log y axis");
    assertTrue(loss1.contains("\"symbol\":\"x\""), "cross marker");
    assertTrue(loss1.contains("\"fill\":\"tonexty\""), "seed band");
    assertFalse(script("eval_accuracy_2").contains("\"type\":\"log\""));
  }

  @Test
  void lossChartMarksThePlantedSpikeAtItsStepAndTheSeedsLoss() throws IOException {
    assertEquals("linear_regression", spiked.workload().name(), "first workload: loss_1");
    assertEquals(1, spiked.seed());
    List<JsonNode> spikes = traces("loss_1", "spike: ");
    assertEquals(1, spikes.size(), "one spike among the workload's 12 runs");
    JsonNode spike = spikes.get(0);
    assertEquals("[" + SPIKE_STEP + "]", spike.get("x").toString());
    // SampleResults: loss (1 + seed/10) / sqrt(step), 5× at the spike: 1.1 / sqrt(30) · 5 = 1.00416,
    // drawn with five significant digits: 1.0042.
    assertEquals(1.0042, spike.get("y").get(0).asDouble(), 1e-7);
    // Drawn in the style of its cell's line and toggled with it: colour, shape of the optimizer.
    String setting = spiked.label().substring(spiked.label().indexOf(" · ") + 3);
    assertEquals(setting, spike.get("legendgroup").asText());
    JsonNode line =
        traces("loss_1", "").stream()
            .filter(t -> t.path("legendgroup").asText().equals(setting))
            .filter(t -> t.path("mode").asText().equals("lines+markers"))
            .findFirst()
            .orElseThrow();
    assertEquals(line.at("/line/color"), spike.at("/marker/color"));
    assertEquals(line.at("/marker/symbol").asText() + "-open-dot", spike.at("/marker/symbol").asText());
  }

  @Test
  void stabilityTableCountsThePlantedSpikeAsOnePerThreeSeeds() {
    Table stability =
        Table.read().csv(index.getParent().resolve("tables/stability.csv").toFile());
    String setting = spiked.label().substring(spiked.label().indexOf(" · ") + 3);
    double total = 0;
    for (int r = 0; r < stability.rowCount(); r++) {
      double perRun = stability.numberColumn("spikes_per_run_mean").getDouble(r);
      total += perRun;
      if (stability.stringColumn("setting").get(r).equals(setting)
          && stability.stringColumn("workload").get(r).startsWith("linear_regression")) {
        assertEquals(1.0 / 3, perRun, 1e-12, "one spike, three seeds");
      }
    }
    assertEquals(1.0 / 3, total, 1e-12, "no spike anywhere else");
  }

  @Test
  void gradientNormChartShowsTheThreshold() {
    assertTrue(script("grad_norm_2").contains("max_norm = 0.5000"));
  }

  @Test
  void stringsFromSpecAndResultsAreEscaped() {
    assertFalse(html.contains(ALERT), "raw script tag from a spec");
    assertFalse(html.contains("<img"), "raw img tag from a spec");
    assertTrue(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
    assertTrue(
        html.contains("compare &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;"));
    assertTrue(
        html.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;(lr=0.01) · none · djl</td>"));
    // Scripts: the page script, the compressed plotly, the filters' cell list, one per chart.
    assertEquals(1, count(html, "optbench.cells("));
    assertEquals(3 + ChartData.count(html), count(html, "<script"));
    assertEquals(count(html, "<script"), count(html, "</script>"));
  }

  @Test
  void traceNamesAreSafeInsideJavaScriptStrings() {
    Matcher m = Pattern.compile("\"name\":\"([^\"]*)\"").matcher(html);
    int names = 0;
    while (m.find()) {
      names++;
      String name = m.group(1);
      assertTrue(name.chars().noneMatch(c -> "'<>&".indexOf(c) >= 0), name);
    }
    assertTrue(names > 20, "found the trace names: " + names);
    assertTrue(html.contains("o’p”t∖x(lr=0.1)"), "look-alikes keep the name readable");
    assertFalse(html.contains("</script>alert"), "no script end inside chart data");
    assertTrue(html.contains("‹script›alert(1)‹/script›(lr=0.01)"));
  }

  @Test
  void convergenceTableHasMeansOverSeedsThatDidNotDivergeAndIsExported() throws IOException {
    Table csv = Table.read().csv(index.getParent().resolve("tables/convergence.csv").toFile());
    assertEquals(
        List.of("workload", "setting", "seeds", "diverged", "n", "final_loss_mean",
            "final_loss_ci_low", "final_loss_ci_high", "final_loss_avg_mean"),
        csv.columnNames().subList(0, 9));
    assertEquals(8, csv.rowCount(), "a row per cell");
    for (int first = 0; first < written.size(); first += 3) {
      double[] finals =
          written.subList(first, first + 3).stream()
              .filter(r -> !r.summary().diverged())
              .mapToDouble(r -> r.summary().finalLoss())
              .toArray();
      double mean = Arrays.stream(finals).average().orElseThrow();
      String cell = written.get(first).summary().cell().label();
      int row = -1;
      for (int r = 0; r < csv.rowCount(); r++) {
        if ((csv.stringColumn("workload").get(r) + " · " + csv.stringColumn("setting").get(r))
            .equals(cell)) {
          row = r;
        }
      }
      assertTrue(row >= 0, cell);
      assertEquals(finals.length, csv.numberColumn("n").getDouble(row), cell);
      assertClose(mean, csv.numberColumn("final_loss_mean").getDouble(row), cell + ": mean");
    }
    assertTrue(Files.isRegularFile(index.getParent().resolve("tables/convergence.tex")));
    assertTrue(Files.readString(index.getParent().resolve("tables/convergence.tex")).contains("\\toprule"));
    assertTrue(Files.isRegularFile(index.getParent().resolve("tables/convergence.md")));
  }

  @Test
  void plotlyAssetIsWrittenOnlyWhenMissingOrDifferent() throws IOException {
    ReportBuilder.build(tmp.resolve("results").resolve(EXPERIMENT),
        ReportFolder.inRoot(tmp.resolve("reports"), "other").withPlotly(PlotlyPlacement.SHARED));
    Path asset = tmp.resolve("reports/plotly-2.35.3.js");
    FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    Files.setLastModifiedTime(asset, old);
    long size = Files.size(asset);
    ReportBuilder.build(tmp.resolve("results").resolve(EXPERIMENT), ReportFolder.inRoot(tmp.resolve("reports"), "other").withPlotly(PlotlyPlacement.SHARED));
    assertEquals(old, Files.getLastModifiedTime(asset), "same size: left alone");
    Files.writeString(asset, "truncated");
    ReportBuilder.build(tmp.resolve("results").resolve(EXPERIMENT), ReportFolder.inRoot(tmp.resolve("reports"), "other").withPlotly(PlotlyPlacement.SHARED));
    assertEquals(size, Files.size(asset), "different size: replaced");
  }

  @Test
  void headerShowsManifestAndCounts() {
    assertTrue(html.contains("24 runs of 24 in the grid"));
    assertTrue(html.contains("1 diverged"));
    assertTrue(html.contains("<tr><td>wall time</td><td>1:02:05</td></tr>"));
    assertTrue(html.contains("<pre class=\"spec\">name: escaping\ndescription: compare &lt;script"));
  }

  private String tableRow(String cellLabel) {
    String start = "<tr data-cell=\"" + Html.escape(cellLabel) + "\">";
    int from = html.indexOf(start);
    assertTrue(from >= 0, "row for " + cellLabel);
    return html.substring(from, html.indexOf("</tr>", from));
  }

  private String script(String chartId) {
    return ChartData.text(html, chartId);
  }

  /** The traces of a chart's figure whose name starts with {@code prefix}. */
  private List<JsonNode> traces(String chartId, String prefix) throws IOException {
    String script = script(chartId);
    String json = script;
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode trace : new ObjectMapper().readTree(json).get("data")) {
      if (trace.path("name").asText().startsWith(prefix)) {
        out.add(trace);
      }
    }
    return out;
  }

  private static void assertClose(double expected, double actual, String what) {
    if (Double.isNaN(expected)) {
      assertTrue(Double.isNaN(actual), what + ": expected NaN, got " + actual);
    } else {
      assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), what);
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
