package org.optbench.report;

import org.optbench.testing.ChartData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optbench.io.SampleResults.component;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.io.ResultSetWriter;
import org.optbench.io.SampleResults;
import org.optbench.metrics.RunAccumulator;
import org.optbench.metrics.StepRecord;
import org.optbench.spec.Axis;
import org.optbench.spec.Cell;
import org.optbench.spec.ExperimentSpec;
import tech.tablesaw.api.Table;

/**
 * The report's statistic on a result set small enough to check by hand: one cell, four seeds, 20
 * steps. Seeds 0, 1, 2 end with losses 0.1, 0.2, 0.3; seed 3 diverges at step 1.
 *
 * <p>Seed s (0, 1, 2) has loss (s + 1)/t at steps t = 1..18, 0.5 + 0.1·s at step 19 and
 * 0.1 + 0.1·s at step 20, and an eval loss of s + 1 at step 20. So:
 *
 * <ul>
 *   <li>final_loss 0.1, 0.2, 0.3: mean 0.2, s = 0.1, t(0.975, 2) = 4.302653 (scipy.stats.t.ppf),
 *       0.2 ± 4.302653 · 0.1 / √3 = [−0.0484137, 0.4484137];
 *   <li>final_loss_avg, the mean of the last 10% (two) steps: 0.3, 0.4, 0.5, so 0.4 ± 0.2484137;
 *   <li>final_eval_loss 1, 2, 3: 2 ± 2.484138;
 *   <li>loss at step 1: 1, 2, 3 (the diverged seed's Inf does not count), band [−0.484138,
 *       4.484138]; at step 2: 0.5, 1, 1.5, band 1 ± 1.242069.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeanIntervalReportTest {

  static final double HALF = 4.302652729911275 * 0.1 / Math.sqrt(3);

  @TempDir static Path tmp;

  Path report;
  String html;

  @BeforeAll
  void buildReport() throws IOException {
    ExperimentSpec spec =
        SampleResults.spec(
            "by-hand",
            "one cell, four seeds",
            List.of(component(Axis.WORKLOAD, "linear_regression")),
            List.of(component(Axis.OPTIMIZER, "adam", "lr", 0.01)),
            List.of(component(Axis.CLIP, "none")),
            List.of(0L, 1L, 2L, 3L),
            20,
            10);
    ResultSetWriter writer = ResultSetWriter.open(tmp.resolve("results"), spec.name());
    for (Cell cell : spec.cells()) {
      writer.add(run(cell));
    }
    Instant started = Instant.parse("2026-12-01T10:00:00Z");
    Path results =
        writer.commit(spec, SampleResults.environment(), started, started.plusSeconds(10)).published();
    report = ReportBuilder.build(results, ReportFolder.inRoot(tmp.resolve("reports"), "by-hand")).getParent();
    html = Files.readString(report.resolve("index.html"));
  }

  private static org.optbench.metrics.RunResult run(Cell cell) {
    RunAccumulator acc = new RunAccumulator(cell);
    int s = (int) cell.seed();
    if (s == 3) {
      acc.add(step(1, Double.POSITIVE_INFINITY, Double.NaN));
      return acc.finish(10, 40, 80);
    }
    for (int t = 1; t <= 20; t++) {
      double loss = t == 20 ? 0.1 + 0.1 * s : t == 19 ? 0.5 + 0.1 * s : (s + 1.0) / t;
      double eval = t == 10 ? 5 : t == 20 ? s + 1 : Double.NaN;
      acc.add(step(t, loss, eval));
    }
    return acc.finish(10, 40, 80);
  }

  private static StepRecord step(int t, double loss, double evalLoss) {
    return new StepRecord(t, loss, 2 * loss, 2 * loss, false, Double.NaN, 0.01, 0.01, 3.0 * t,
        evalLoss, Double.NaN);
  }

  @Test
  void convergenceTableExportsMeanIntervalAndN() throws IOException {
    Table table = Table.read().csv(report.resolve("tables/convergence.csv").toFile());
    List<String> columns = table.columnNames();
    assertEquals(List.of("workload", "setting", "seeds", "diverged", "n", "final_loss_mean",
        "final_loss_ci_low", "final_loss_ci_high", "final_loss_avg_mean", "final_loss_avg_ci_low",
        "final_loss_avg_ci_high", "best_loss_mean", "best_loss_ci_low", "best_loss_ci_high",
        "final_eval_loss_mean", "final_eval_loss_ci_low", "final_eval_loss_ci_high",
        "final_accuracy_mean", "final_accuracy_ci_low", "final_accuracy_ci_high",
        "eval_perplexity_mean", "eval_perplexity_ci_low", "eval_perplexity_ci_high",
        "target_loss", "steps_to_target", "seconds_to_target"), columns);
    assertEquals(1, table.rowCount());
    assertEquals(4, table.numberColumn("seeds").getDouble(0));
    assertEquals(1, table.numberColumn("diverged").getDouble(0));
    assertEquals(3, table.numberColumn("n").getDouble(0));
    assertEquals(0.2, table.numberColumn("final_loss_mean").getDouble(0), 1e-12);
    assertEquals(-0.0484137, table.numberColumn("final_loss_ci_low").getDouble(0), 1e-7);
    assertEquals(0.4484137, table.numberColumn("final_loss_ci_high").getDouble(0), 1e-7);
    assertEquals(0.4, table.numberColumn("final_loss_avg_mean").getDouble(0), 1e-12);
    assertEquals(0.4 - HALF, table.numberColumn("final_loss_avg_ci_low").getDouble(0), 1e-9);
    assertEquals(0.4 + HALF, table.numberColumn("final_loss_avg_ci_high").getDouble(0), 1e-9);
    assertEquals(2 + 10 * HALF, table.numberColumn("final_eval_loss_ci_high").getDouble(0), 1e-9);
    // Linear regression measures no accuracy: empty, not zero.
    assertTrue(table.column("final_accuracy_mean").isMissing(0));
    assertTrue(table.column("final_accuracy_ci_low").isMissing(0));
  }

  @Test
  void tablesShowMeanAndIntervalAndSayWhatTheyAre() throws IOException {
    // Overview and convergence: one cell "mean [low, high]" per metric.
    assertTrue(html.contains(">0.2000 [-0.04841, 0.4484]</td>"), "final_loss cell");
    assertTrue(html.contains(">0.4000 [0.1516, 0.6484]</td>"), "final_loss_avg cell");
    assertTrue(html.contains("each metric: mean over the n seeds that did not diverge"
        + " [95% Student-t interval]"));
    assertTrue(html.contains("final_loss is the loss of the last single minibatch; final_loss_avg"
        + " averages the last 10% of steps"));
    List<String> summary = Files.readAllLines(report.resolve("tables/summary.csv"));
    assertTrue(summary.get(0).startsWith("workload,setting,seeds,diverged,n,final_loss_mean,"
        + "final_loss_ci_low,final_loss_ci_high,final_loss_avg_mean,"), summary.get(0));
    // Counts as integers; means and bounds exact.
    assertTrue(summary.get(1).startsWith("linear_regression,adam(lr=0.01) · none · djl,4,1,3,0.2"),
        summary.get(1));
    String markdown = Files.readString(report.resolve("tables/summary.md"));
    assertTrue(markdown.contains("| 0.2000 | -0.04841 | 0.4484 | 0.4000 | 0.1516 | 0.6484 |"),
        markdown);
    // LaTeX: the cell as the page shows it, with a real minus sign; too wide for the text width
    // on one line, so the interval goes below the mean.
    String latex = Files.readString(report.resolve("tables/summary.tex"));
    assertTrue(latex.contains("{@{}r@{}}0.2000\\\\\\relax [$-$0.04841, 0.4484]\\end{tabular}"),
        latex);
  }

  @Test
  void stabilityTableCountsTheDivergedSeedApartAndStandsInForTheHeatmap() throws IOException {
    Table table = Table.read().csv(report.resolve("tables/stability.csv").toFile());
    assertEquals(4, table.numberColumn("seeds").getDouble(0));
    assertEquals(1, table.numberColumn("divergence_steps").getDouble(0));
    assertEquals(3, table.numberColumn("n").getDouble(0));
    // One cell (one learning rate, one clip setting): no 1×1 outcome heatmap; its number,
    // final_loss 0.2 [−0.0484137, 0.4484137], is in the table, and the note says where.
    assertFalse(html.contains(ChartData.OPENING + "outcome_"), "no 1×1 heatmap");
    assertTrue(html.contains("No outcome heatmap for adam (1 learning rate × 1 setting)"));
    assertEquals(0.2, table.numberColumn("final_loss_mean").getDouble(0), 1e-12);
    assertEquals(-0.0484137, table.numberColumn("final_loss_ci_low").getDouble(0), 1e-7);
    // Spikes (LossSpikes): seed 0's loss jumps 9× at step 19 (1/18 to 0.5), 3.75× its geometric
    // moving average and 1.32 above it in ln loss, more than 7 noise scales (1.15, inflated by the
    // steep early fall of 1/t): a spike. Seeds 1 and 2 jump 5.4× and 4.2× (2/18 to 0.6, 3/18 to
    // 0.7), 0.81 and 0.56 above their averages: within the noise. One spike over three runs.
    assertEquals(1.0 / 3, table.numberColumn("spikes_per_run_mean").getDouble(0), 1e-12);
    // No step is clipped (clip none): the column is left out, and the caption says so.
    assertFalse(table.columnNames().contains("clipped_fraction_mean"), table.columnNames().toString());
    assertTrue(html.contains("No step was clipped in any run."));
  }

  @Test
  void lossBandIsThePerStepTIntervalOfTheMean() throws IOException {
    JsonNode figure = figure("loss_1");
    JsonNode low = trace(figure, " ci low");
    JsonNode high = trace(figure, " ci high");
    JsonNode mean = figure.get("data").get(2);
    assertEquals("lines+markers", mean.get("mode").asText());
    // Steps 1..20 unthinned: written as plotly's x0 and dx, not as 20 numbers.
    assertEquals(1, mean.get("x0").asInt());
    assertEquals(1, mean.get("dx").asInt());
    assertEquals(20, mean.get("y").size());
    // Chart data carry five significant digits: within 5e-5 relative.
    assertEquals(2, mean.get("y").get(0).asDouble(), 1e-6);
    assertEquals(1, mean.get("y").get(1).asDouble(), 1e-6);
    assertEquals(2 - 10 * HALF, low.get("y").get(0).asDouble(), 1e-4);
    assertEquals(2 + 10 * HALF, high.get("y").get(0).asDouble(), 1e-4);
    assertEquals(1 - 5 * HALF, low.get("y").get(1).asDouble(), 1e-4);
    assertEquals(1 + 5 * HALF, high.get("y").get(1).asDouble(), 1e-4);
    assertEquals(-0.484138, low.get("y").get(0).asDouble(), 1e-4);
    assertTrue(html.contains("Line: mean over n = 4 seeds per cell at each step (fewer where a seed"
        + " has no value, e.g. after it diverged); band: the 95% Student-t interval of that mean"));
    assertTrue(!html.contains("median over seeds") && !html.contains("min–max"), "no medians");
  }

  private JsonNode figure(String chartId) throws IOException {
    return ChartData.figure(html, chartId);
  }

  private static JsonNode trace(JsonNode figure, String suffix) {
    for (JsonNode trace : figure.get("data")) {
      if (trace.get("name").asText().endsWith(suffix)) {
        return trace;
      }
    }
    throw new AssertionError("no trace named *" + suffix);
  }
}
