package org.optbench.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quasi-random search against AlgoPerf: every expected number below was computed by
 * tools/golden/halton.py (numpy 2.4), whose cases were checked equal to AlgoPerf's own
 * algoperf/halton.py at commit 2c90454f, and stored in golden-tune/halton.json.
 */
class HaltonGoldenTest {

  private static JsonNode golden;

  @BeforeAll
  static void read() throws IOException {
    golden = new ObjectMapper().readTree(Path.of("src/test/resources/golden-tune/halton.json").toFile());
  }

  @Test
  void randomStateDrawsWhatNumpysLegacyRandomStateDraws() {
    for (JsonNode c : golden.get("random_state")) {
      LegacyRandomState rs = new LegacyRandomState(c.get("seed").asLong());
      for (JsonNode x : c.get("random_sample")) {
        assertEquals(x.asDouble(), rs.nextDouble(), 0.0, c.toString());
      }
      int[] values = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
      rs.shuffle(values);
      assertArrayEquals(ints(c.get("then_shuffle_range_10")), values, c.toString());
    }
  }

  @Test
  void basesAreThePrimesBelowTheLargestUnderAThousand() {
    golden.get("bases").fields().forEachRemaining(e ->
        assertArrayEquals(ints(e.getValue()), Halton.bases(Integer.parseInt(e.getKey())), e.getKey()));
  }

  @Test
  void sequenceIsAlgoPerfsGenerateSequence() {
    for (JsonNode c : golden.get("sequences")) {
      double[][] points = Halton.sequence(
          c.get("samples").asInt(), c.get("dims").asInt(), c.get("skip").asInt(), c.get("seed").asLong());
      JsonNode expected = c.get("points");
      assertEquals(expected.size(), points.length);
      for (int s = 0; s < points.length; s++) {
        for (int d = 0; d < points[s].length; d++) {
          assertEquals(expected.get(s).get(d).asDouble(), points[s][d], 1e-12,
              "seed " + c.get("seed") + " dims " + c.get("dims") + " point " + s + " dim " + d);
        }
      }
    }
  }

  @Test
  void defaultSkipIsAlgoPerfs() {
    for (JsonNode c : golden.get("sequences")) {
      if (c.get("skip").asInt() == Halton.DEFAULT_SKIP) {
        double[][] points = Halton.sequence(c.get("samples").asInt(), c.get("dims").asInt(), c.get("seed").asLong());
        assertEquals(c.get("points").get(0).get(0).asDouble(), points[0][0], 1e-12);
      }
    }
  }

  @Test
  void quasiRandomSearchIsAlgoPerfsGenerateSearch() {
    for (JsonNode c : golden.get("searches")) {
      SearchSpace space = space(c.get("space"));
      List<Map<String, Object>> trials =
          Trials.sample(Sampler.QUASI_RANDOM, space, c.get("trials").asInt(), c.get("seed").asLong());
      JsonNode expected = c.get("values");
      assertEquals(expected.size(), trials.size());
      for (int t = 0; t < trials.size(); t++) {
        Iterator<String> names = expected.get(t).fieldNames();
        for (String name : trials.get(t).keySet()) {
          assertEquals(names.next(), name, "names in the space's order");
          JsonNode want = expected.get(t).get(name);
          Object got = trials.get(t).get(name);
          if (want.isTextual()) {
            assertEquals(want.asText(), got);
          } else {
            double w = want.asDouble();
            assertEquals(w, (Double) got, Math.abs(w) * 1e-12, "trial " + t + " " + name);
          }
        }
      }
    }
  }

  /** The JSON search space in AlgoPerf's format, in its order. */
  private static SearchSpace space(JsonNode json) {
    List<Dimension> dims = new ArrayList<>();
    json.fields().forEachRemaining(e -> {
      JsonNode s = e.getValue();
      if (s.has("feasible_points")) {
        List<Object> values = new ArrayList<>();
        s.get("feasible_points").forEach(v -> values.add(v.isTextual() ? v.asText() : v.asDouble()));
        dims.add(new Choice(e.getKey(), values));
      } else if (s.get("scaling").asText().equals("log")) {
        dims.add(new LogRange(e.getKey(), s.get("min").asDouble(), s.get("max").asDouble()));
      } else {
        dims.add(new LinearRange(e.getKey(), s.get("min").asDouble(), s.get("max").asDouble()));
      }
    });
    return new SearchSpace(dims);
  }

  private static int[] ints(JsonNode array) {
    int[] out = new int[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asInt();
    }
    return out;
  }
}
