package org.optbench.report;

import org.optbench.testing.ChartData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Seed bands as plotly traces, on a linear and on a log axis. */
class ChartTest {

  static final double NAN = Double.NaN;
  static final Styles.Style STYLE = new Styles.Style("#0072B2", "rgba(0,114,178,0.2)", "solid", "circle");

  /** Three steps of a loss falling from 100 to 0.1, the band reaching below zero at step 3. */
  static SeedCurves.Curve curve() {
    return new SeedCurves.Curve(
        "c",
        new double[] {1, 2, 3},
        new double[] {100, 1, 0.1},
        new double[] {90, 0.5, -0.05},
        new double[] {110, 1.5, 0.25},
        new int[] {3, 3, 3},
        new double[] {0.01, 0.02, 0.03});
  }

  @Test
  void aBandBelowZeroRunsToTheBottomOfALogAxis() throws IOException {
    JsonNode figure = figure(new Chart("c", "t", "loss").logWhenWide().band("a", curve(), curve().step(), STYLE));
    JsonNode y = figure.at("/layout/yaxis");
    assertEquals("log", y.get("type").asText());
    // Range from the line and the upper band edge: log10(0.1) = -1 to log10(110) = 2.0414,
    // margin 5% of 3.0414 decades = 0.15207.
    assertEquals(-1.15207, y.get("range").get(0).asDouble(), 1e-5);
    assertEquals(2.19347, y.get("range").get(1).asDouble(), 1e-5);
    JsonNode low = figure.get("data").get(0).get("y");
    assertEquals(90, low.get(0).asDouble(), 1e-4);
    assertEquals(0.5, low.get(1).asDouble(), 1e-6);
    assertEquals(Math.pow(10, -1.15207), low.get(2).asDouble(), 1e-6, "-0.05 drawn at the bottom");
  }

  @Test
  void aLinearAxisDrawsTheBandAsItIs() throws IOException {
    JsonNode figure = figure(new Chart("c", "t", "loss").band("a", curve(), curve().step(), STYLE));
    assertFalse(figure.at("/layout/yaxis").has("range"));
    assertEquals(-0.05, figure.get("data").get(0).get("y").get(2).asDouble(), 1e-6);
    assertEquals("tonexty", figure.get("data").get(1).get("fill").asText());
  }

  @Test
  void oneSeedDrawsNoBand() throws IOException {
    SeedCurves.Curve one = new SeedCurves.Curve("c", new double[] {1, 2}, new double[] {2, 1},
        new double[] {NAN, NAN}, new double[] {NAN, NAN}, new int[] {1, 1},
        new double[] {0.01, 0.02});
    JsonNode figure = figure(new Chart("c", "t", "loss").band("a", one, one.step(), STYLE));
    assertEquals(1, figure.get("data").size(), "the mean line only");
    assertTrue(figure.get("data").get(0).get("mode").asText().startsWith("lines"));
  }

  private static JsonNode figure(Chart chart) throws IOException {
    String html = chart.html("caption");
    return ChartData.figure(html, "c");
  }
}
