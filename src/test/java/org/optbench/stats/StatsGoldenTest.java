package org.optbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * optbench's statistics against scipy.stats: every expected number below was computed by
 * tools/golden/stats.py (scipy 1.17, numpy 2.4) and stored in golden-stats/stats.json.
 */
class StatsGoldenTest {

  private static JsonNode golden;

  @BeforeAll
  static void read() throws IOException {
    golden = new ObjectMapper().readTree(Path.of("src/test/resources/golden-stats/stats.json").toFile());
  }

  @Test
  void meanIntervalIsScipysStudentT() {
    for (JsonNode c : golden.get("mean_t")) {
      Estimate e = SeedStatistics.mean(doubles(c.get("x")), c.get("level").asDouble());
      assertEquals(c.get("mean").asDouble(), e.value(), 1e-12);
      assertEquals(c.get("sd").asDouble(), e.sd(), 1e-12);
      assertEquals(c.get("low").asDouble(), e.interval().low(), 1e-9, c.toString());
      assertEquals(c.get("high").asDouble(), e.interval().high(), 1e-9, c.toString());
    }
  }

  @Test
  void pairedIntervalIsScipysTtestRel() {
    for (JsonNode c : golden.get("paired_t")) {
      Estimate e = SeedStatistics.pairedDifference(
          doubles(c.get("a")), doubles(c.get("b")), c.get("level").asDouble());
      assertEquals(Pairing.PAIRED, e.pairing());
      assertEquals(c.get("mean").asDouble(), e.value(), 1e-12);
      assertEquals(c.get("low").asDouble(), e.interval().low(), 1e-9, c.toString());
      assertEquals(c.get("high").asDouble(), e.interval().high(), 1e-9, c.toString());
    }
  }

  @Test
  void welchIntervalIsScipysTtestInd() {
    for (JsonNode c : golden.get("welch_t")) {
      Estimate e = SeedStatistics.welchDifference(
          doubles(c.get("a")), doubles(c.get("b")), c.get("level").asDouble());
      assertEquals(Pairing.UNPAIRED, e.pairing());
      assertEquals(c.get("diff").asDouble(), e.value(), 1e-12);
      assertEquals(c.get("low").asDouble(), e.interval().low(), 1e-9, c.toString());
      assertEquals(c.get("high").asDouble(), e.interval().high(), 1e-9, c.toString());
    }
  }

  @Test
  void seedsToDecideMatchesScipysQuantiles() {
    for (JsonNode c : golden.get("seeds_to_decide")) {
      assertEquals(c.get("n").asInt(), SeedStatistics.seedsToDecide(
          c.get("mean").asDouble(), c.get("sd").asDouble(), c.get("level").asDouble(), 100_000), c.toString());
    }
  }

  @Test
  void iqmIsScipysTrimMean() {
    for (JsonNode c : golden.get("iqm")) {
      assertEquals(c.get("iqm").asDouble(), RobustMeans.iqm(doubles(c.get("x"))), 1e-12, c.toString());
    }
  }

  @Test
  void bcaIntervalAgreesWithScipysBootstrapWithinResamplingNoise() {
    for (JsonNode c : golden.get("bca")) {
      double[] x = doubles(c.get("x"));
      boolean median = c.get("statistic").asText().equals("median");
      Estimate e = Bootstrap.bca(c.get("statistic").asText(), x,
          median ? StatsGoldenTest::median : Moments::mean, c.get("level").asDouble(), 20_000);
      double low = c.get("low").asDouble();
      double high = c.get("high").asDouble();
      // Different random resamples: the endpoints agree to a few percent of the width.
      double tolerance = 0.06 * (high - low);
      assertEquals(c.get("value").asDouble(), e.value(), 1e-12);
      assertEquals(low, e.interval().low(), tolerance, c.toString());
      assertEquals(high, e.interval().high(), tolerance, c.toString());
    }
  }

  private static double median(double[] x) {
    double[] s = x.clone();
    java.util.Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static double[] doubles(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).mapToDouble(JsonNode::asDouble).toArray();
  }
}
