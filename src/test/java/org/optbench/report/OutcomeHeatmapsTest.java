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
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.io.SampleResults;
import org.optbench.spec.Axis;
import org.optbench.spec.ExperimentSpec;
import org.optbench.stats.SeedStatistics;
import tech.tablesaw.api.Table;

/**
 * Outcome heatmaps are drawn for grids only: sgd at two learning rates × two clip settings gets
 * one; adam at one learning rate × two clip settings (a strip) does not, and the note says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutcomeHeatmapsTest {

  @TempDir static Path tmp;

  Path report;
  String html;

  @BeforeAll
  void buildReport() throws IOException {
    ExperimentSpec spec =
        SampleResults.spec(
            "grid",
            "a 2×2 grid and a 1×2 strip",
            List.of(component(Axis.WORKLOAD, "linear_regression")),
            List.of(
                component(Axis.OPTIMIZER, "sgd", "lr", 0.1),
                component(Axis.OPTIMIZER, "sgd", "lr", 0.01),
                component(Axis.OPTIMIZER, "adam", "lr", 0.01)),
            List.of(
                component(Axis.CLIP, "none"), component(Axis.CLIP, "global_norm", "max_norm", 1.0)),
            List.of(0L, 1L),
            20,
            10);
    report = SampleReports.converging(tmp, spec);
    html = Files.readString(report.resolve("index.html"));
  }

  @Test
  void aTwoByTwoGridIsDrawn() throws IOException {
    JsonNode outcome = figure("outcome_1_1").get("data").get(0);
    assertEquals("[\"0.01000\",\"0.1000\"]", outcome.get("x").toString());
    assertEquals(2, outcome.get("y").size());
    assertEquals(2, outcome.get("z").size());
    assertEquals(2, outcome.get("z").get(0).size());
  }

  @Test
  void aOneByTwoStripIsLeftOutAndTheNoteSaysWhereItsNumbersAre() throws IOException {
    assertFalse(ChartData.has(html, "outcome_1_2"), "adam: one lr, no heatmap");
    assertTrue(
        html.contains(
            "No outcome heatmap for adam (1 learning rate × 2 settings): a heatmap needs at"
                + " least 2 learning rates and 2 clipping (or other) settings."),
        "note");
    Table table = Table.read().csv(report.resolve("tables/stability.csv").toFile());
    assertEquals(6, table.rowCount(), "every cell, drawn or not");
    for (int r = 0; r < table.rowCount(); r++) {
      assertTrue(Double.isFinite(table.numberColumn("final_loss_mean").getDouble(r)), "row " + r);
    }
  }

  @Test
  void cellTextShowsMeanNDivergedSeedsAndInterval() {
    // Final losses 0.1, 0.2, 0.3 of three seeds and one seed diverged at step 1: mean 0.2,
    // s = 0.1, t(0.975, 2) = 4.302653 (scipy.stats.t.ppf): 0.2 ± 0.2484 = [−0.04841, 0.4484].
    String text =
        OutcomeHeatmaps.outcomeText(
            SeedStatistics.mean(new double[] {0.1, 0.2, 0.3}, RunStats.LEVEL),
            new RunStats.Divergence(4, List.of(1)));
    assertEquals("0.2000 (n=3, 1/4 div.)<br>[-0.04841, 0.4484]", text);
  }

  private JsonNode figure(String chartId) throws IOException {
    return ChartData.figure(html, chartId);
  }
}
