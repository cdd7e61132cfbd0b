package org.optbench.report;

import org.optbench.testing.ChartData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optbench.io.SampleResults.component;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.io.ResultSetWriter;
import org.optbench.io.SampleResults;
import org.optbench.spec.Axis;
import org.optbench.spec.ExperimentSpec;

/** Spikes are found on every step, so a line thinned for display still has its spike marked. */
class SpikeMarkersTest {

  static final int STEPS = 3000;
  static final int SPIKE_STEP = 2345;

  @TempDir Path tmp;

  @Test
  void aSpikeOfALongRunIsMarkedAtItsExactStepWhileTheLineIsThinned() throws IOException {
    ExperimentSpec spec =
        SampleResults.spec(
            "long",
            "one long run with one spike",
            List.of(component(Axis.WORKLOAD, "linear_regression")),
            List.of(component(Axis.OPTIMIZER, "sgd", "lr", 0.1)),
            List.of(component(Axis.CLIP, "none")),
            List.of(0L),
            STEPS,
            100);
    ResultSetWriter writer = ResultSetWriter.open(tmp.resolve("results"), spec.name());
    writer.add(SampleResults.spiking(spec.cells().get(0), SPIKE_STEP, 5));
    Instant started = Instant.parse("2026-11-21T14:30:05Z");
    Path results =
        writer.commit(spec, SampleResults.environment(), started, started.plusSeconds(60)).published();
    String html = Files.readString(ReportBuilder.build(results, ReportFolder.inRoot(tmp.resolve("reports"), "long")));

    JsonNode line = null;
    JsonNode spike = null;
    for (JsonNode trace : figure(html, "loss_1").get("data")) {
      String name = trace.path("name").asText();
      if (name.startsWith("spike: ")) {
        spike = trace;
      } else if (trace.path("mode").asText().startsWith("lines")) {
        line = trace;
      }
    }
    assertTrue(line.get("x").size() <= Downsample.MAX_POINTS, "line thinned from " + STEPS);
    assertEquals("[" + SPIKE_STEP + "]", spike.get("x").toString());
    // SampleResults: loss 1 / sqrt(step) for seed 0, 5× at the spike: 5 / sqrt(2345) = 0.103252,
    // drawn with five significant digits.
    assertEquals(0.10325, spike.get("y").get(0).asDouble(), 1e-8);
  }

  private static JsonNode figure(String html, String chartId) throws IOException {
    return ChartData.figure(html, chartId);
  }
}
