package org.optbench.compare;

import org.optbench.testing.PageDom;
import org.optbench.testing.ChartData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.optbench.compare.HandMadeSets.HERE;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.compare.Judgement.Verdict;
import org.optbench.io.SampleResults;
import org.optbench.report.CompareCell;
import org.optbench.report.ComparePage;
import org.optbench.report.Html;
import org.optbench.testing.Chromium;

/**
 * The HTML page of {@code compare} on hand-made result sets (no training): two cells (SGD, Adam) on
 * one machine, seeds 0, 1, 2, 20 steps of {@link SampleResults#converging}, whose training loss at
 * step t is (1 + seed/10)/√t. The planted regression: Adam's loss at its last step (20) three
 * times as high ({@link SampleResults#spiking}), so every Adam seed ends worse and SGD is untouched.
 */
class ComparisonPageTest {

  @TempDir static Path dir;
  static Path baseline;
  static Path planted;
  static Comparison regressed;
  static String page;

  @BeforeAll
  static void pages() throws Exception {
    baseline = HandMadeSets.write(dir.resolve("baseline"), HERE, s -> s);
    planted = HandMadeSets.trained(dir.resolve("planted"), HERE,
        HandMadeSets.spec(List.of(0L, 1L, 2L), ""),
        cell -> cell.optimizer().name().equals("adam")
            ? SampleResults.spiking(cell, 20, 3)
            : SampleResults.converging(cell));
    regressed = Comparison.of(baseline, planted);
    page = Files.readString(
        ComparisonReport.html(regressed, baseline, planted, dir.resolve("page-planted")));
  }

  private static String adamLabel() {
    return regressed.findings().stream().map(Finding::cell).filter(c -> c.contains("adam"))
        .findFirst().orElseThrow();
  }

  @Test
  void regressionsComeFirstOneBlockPerCellBeforeEveryUnchangedRow() {
    assertTrue(regressed.count(Verdict.REGRESSION) > 0, ComparisonReport.text(regressed));
    Matcher verdict = Pattern.compile("<p id=\"verdict\" class=\"verdict fail\">([^<]*)</p>")
        .matcher(page);
    assertTrue(verdict.find(), "verdict line");
    assertTrue(verdict.group(1).startsWith("Fails (exit 1): "
        + regressed.count(Verdict.REGRESSION) + " regressions, 0 changed, 0 missing"), verdict.group(1));
    // 2 cells × 8 metrics (steps/s is off by default).
    assertTrue(verdict.group(1).endsWith("of 16 checks in 2 cells"), verdict.group(1));
    int regressions = page.indexOf("<section id=\"regressions\"");
    int unchanged = page.indexOf("<section id=\"unchanged\"");
    assertTrue(page.indexOf("<p id=\"verdict\"") < regressions && regressions < unchanged);
    // One block, the Adam cell's, holding every regression row of the comparison.
    List<String> blocks = between(page, "<article class=\"cell", "</article>");
    assertEquals(1, blocks.size());
    String block = blocks.get(0);
    assertTrue(block.startsWith(" regression\""), block.substring(0, 40));
    assertTrue(block.contains("<h4>" + Html.escape(adamLabel())), block);
    assertEquals(regressed.count(Verdict.REGRESSION), count(block, "<tr class=\"regression\""));
    assertEquals(count(page, "<tr class=\"regression\""), count(block, "<tr class=\"regression\""));
    assertTrue(block.contains("3 of 3 seeds worse"), block);
    // The SGD cell's checks: only in the collapsed section at the end, after the block.
    int sgdRow = page.indexOf("data-optimizer=\"sgd\"");
    assertTrue(sgdRow > unchanged, "SGD rows in the unchanged section");
    assertTrue(page.indexOf("<details id=\"unchanged-checks\">") > regressions);
    List<String> sgd = between(page.substring(unchanged), "<tbody id=\"cell-", "</tbody>");
    assertEquals(1, sgd.size(), "one cell unchanged");
    assertTrue(sgd.get(0).contains("data-optimizer=\"sgd\""), sgd.get(0));
    assertEquals(8, count(sgd.get(0), "<tr class=\"ok\">"), "its 8 checks");
  }

  @Test
  void theRegressedCellHasOneChartOfBaselineAndCurrentSeeds() throws Exception {
    assertEquals(1, ChartData.count(page), "one chart: one regressed cell");
    JsonNode figure = figure(page);
    JsonNode traces = figure.get("data");
    assertEquals(6, traces.size(), "3 baseline and 3 current seeds");
    for (int seed = 0; seed < 3; seed++) {
      double last = (1 + seed / 10.0) / Math.sqrt(20);
      JsonNode was = trace(traces, "baseline seed " + seed);
      JsonNode is = trace(traces, "current seed " + seed);
      // Every step, 1 to 20: written as plotly's x0 and dx.
      assertEquals(1, was.get("x0").asInt());
      assertEquals(1, was.get("dx").asInt());
      assertEquals(20, was.get("y").size(), "every step");
      // Chart data carry five significant digits.
      assertEquals(last, was.get("y").get(19).asDouble(), 1e-4 * last);
      assertEquals(3 * last, is.get("y").get(19).asDouble(), 1e-4 * last);
      // Before the planted step both seeds draw the same curve: (1 + seed/10)/√19 at step 19.
      assertEquals((1 + seed / 10.0) / Math.sqrt(19), is.get("y").get(18).asDouble(), 1e-4);
      assertEquals(was.get("y").get(18).asDouble(), is.get("y").get(18).asDouble(), 0);
    }
    assertTrue(page.contains("id=\"plotly-gzip-base64\""), "plotly inside the page");
  }

  @Test
  void aComparisonWithoutRegressionSaysSoAtTheTopAndDrawsNothing() throws Exception {
    Path rerun = HandMadeSets.write(dir.resolve("rerun"), HERE, s -> s);
    Comparison same = Comparison.of(baseline, rerun);
    String html = Files.readString(ComparisonReport.html(same, baseline, rerun, dir.resolve("page-ok")));
    Matcher verdict = Pattern.compile("<p id=\"verdict\" class=\"verdict pass\">([^<]*)</p>")
        .matcher(html);
    assertTrue(verdict.find(), "verdict line");
    assertTrue(verdict.group(1).startsWith("No regression: 0 regressions, 0 changed, 0 missing,"
        + " 0 improvements, 0 new cells; 16 unchanged or within margin"), verdict.group(1));
    assertTrue(html.indexOf("id=\"verdict\"") < html.indexOf("<section"), "verdict first");
    assertFalse(html.contains("<article"), "no flagged cell");
    assertEquals(0, ChartData.count(html), "no chart");
    assertFalse(html.contains("id=\"plotly-gzip-base64\""), "no plotly without charts");
    assertEquals(16, count(html, "<tr class=\"ok\""));
  }

  @Test
  void onlyTheFirstFortyCellsGetACurveAndTheRestAreCounted() throws Exception {
    // The Adam cell's view, 45 times: the page charts 40 and says why the other 5 have none.
    ComparePage.Content one = ComparisonPage.content(regressed, baseline, planted);
    ComparePage.Section regressions = one.sections().get(0);
    List<CompareCell> many = new ArrayList<>();
    CompareCell adam = regressions.cells().get(0);
    for (int i = 0; i < 45; i++) {
      many.add(new CompareCell(adam.label(), adam.workload(), adam.optimizer(),
          adam.clip(), adam.change(), adam.findings(), adam.unchanged(), adam.baselineRuns(),
          adam.currentRuns()));
    }
    List<ComparePage.Section> sections = new ArrayList<>(one.sections());
    sections.set(0, new ComparePage.Section(regressions.id(), regressions.title(),
        regressions.note(), true, many));
    String html = ComparePage.html(new ComparePage.Content(one.experiment(), one.sources(),
        one.headline(), sections, one.unchanged(), one.rules()));
    assertEquals(40, ChartData.count(html));
    assertEquals(45, count(html, "<article class=\"cell"));
    assertTrue(html.contains("<p class=\"note\" id=\"regressions-uncharted\">5 cells of this section"
        + " have no chart: only the 40 largest"), "note on the 5 without a chart");
  }

  @Test
  @Tag("slow")
  void opensFromAnotherFolderAndDrawsEveryChartInChromium() throws Exception {
    assumeTrue(Chromium.available(), "no " + Chromium.PATH + ": browser check skipped");
    Path elsewhere = Files.createDirectories(dir.resolve("moved/elsewhere"));
    Path copy = Files.copy(dir.resolve("page-planted/index.html"), elsewhere.resolve("page.html"));
    // One load checks both the drawing and the filter: ?filter=adam keeps the Adam block (and
    // its chart) and hides the SGD cell's rows.
    String dom = Chromium.run(dir, "--window-size=1400,4000", "--dump-dom",
        copy.toUri() + "?charts=all&filter=adam");
    assertEquals(1, PageDom.assertEveryChartDrawn(dom, "every chart drawn"));
    assertTrue(Pattern.compile("<div id=\"loss_[0-9a-f]{10}\"[^>]*data-rendered=\"true\"")
        .matcher(dom).find(), "the loss chart drawn");
    assertTrue(Pattern.compile("data-first-screen-ms=\"\\d+\"").matcher(dom).find());
    assertTrue(Pattern.compile("<tbody[^>]*data-optimizer=\"sgd\"[^>]*\\shidden=\"\"")
        .matcher(dom).find(), "SGD rows hidden");
    assertFalse(Pattern.compile("<article[^>]*\\shidden").matcher(dom).find(), "Adam shown");
    assertTrue(dom.contains("showing 1 of 1 flagged cells"), "count");
  }

  private static JsonNode figure(String html) throws Exception {
    return ChartData.first(html, "loss_[0-9a-f]{10}");
  }

  private static JsonNode trace(JsonNode traces, String name) {
    for (JsonNode t : traces) {
      if (t.get("name").asText().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no trace " + name + " in " + traces);
  }

  private static List<String> between(String text, String open, String close) {
    List<String> parts = new ArrayList<>();
    int at = text.indexOf(open);
    while (at >= 0) {
      int end = text.indexOf(close, at);
      parts.add(text.substring(at + open.length(), end));
      at = text.indexOf(open, end);
    }
    return parts;
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      n++;
    }
    return n;
  }
}
