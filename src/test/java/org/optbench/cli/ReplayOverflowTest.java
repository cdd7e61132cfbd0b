package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overflow policy of docs/optimizers.md, replayed on both engines: the same case gives the
 * same line, exit code and message on {@code native} and {@code djl}.
 */
class ReplayOverflowTest {

  @TempDir Path dir;

  /** {@code replay ARGS...}, output captured. */
  private static Cli.Result replay(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "replay";
    System.arraycopy(args, 0, command, 1, args.length);
    return Cli.execute(command);
  }

  /** A case from w = (1, 2) with the given optimizer and one gradient per step. */
  private Path caseFile(String name, String optimizer, String grads) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, "{\"optimizer\":" + optimizer
        + ",\"params\":[{\"name\":\"w\",\"shape\":[2],\"values\":[1,2]}],\"grads\":" + grads + "}");
    return file;
  }

  /** Replays on both engines, asserts they agree, and returns the native result. */
  private static Cli.Result onBothEngines(String... args) {
    Cli.Result nativeEngine = replay(append(args, "--engine", "native"));
    Cli.Result djl = replay(append(args, "--engine", "djl"));
    assertEquals(nativeEngine, djl, "native and djl agree");
    return nativeEngine;
  }

  private static String[] append(String[] args, String... more) {
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  private static JsonNode line(Cli.Result result) throws Exception {
    return new ObjectMapper().readTree(result.out().strip());
  }

  @Test
  void finiteGradientsOf1e38DivergeAtStepOneOnBothEngines() throws Exception {
    for (String optimizer : new String[] {"{\"name\":\"sgd\",\"lr\":0.1}", "{\"name\":\"adam\"}"}) {
      Path file = caseFile("big.json", optimizer, "[[[1e38,1]],[[1e38,1]]]");

      Cli.Result result = onBothEngines(file.toString());

      assertEquals(0, result.exit(), "a diverged case is a result, not bad input: " + result.err());
      JsonNode line = line(result);
      assertEquals(1, line.get("diverged_at_step").asInt());
      assertEquals("[]", line.get("trajectory").toString(), "step 1 was not taken");
      // Σg² = 1e76 + 1, beyond float32's 3.4028235e38.
      assertEquals("gradient norm overflows float32 (Σg² = 1.000e+76 > 3.403e+38); step not taken",
          line.get("divergence").asText());
      assertEquals("big.json: diverged at step 1: " + line.get("divergence").asText(),
          result.err().strip());
    }
  }

  @Test
  void anUpdateThatOverflowsAParameterDivergesAtThatStep() throws Exception {
    // SGD lr 1e20: step 1 gives w = (1 − 1e20, 2 − 1e20) = (−1e20, −1e20) in float32; step 2
    // subtracts 1e20·1e19 = 1e39 from w[0], beyond float32's range. Σg² = 1e38 + 1 is not.
    Path file = caseFile("sgd.json", "{\"name\":\"sgd\",\"lr\":1e20}", "[[[1,1]],[[1e19,1]]]");

    Cli.Result result = onBothEngines(file.toString());

    assertEquals(0, result.exit(), result.err());
    JsonNode line = line(result);
    assertEquals(2, line.get("diverged_at_step").asInt());
    assertEquals("[[[-1.0E20,-1.0E20]]]", line.get("trajectory").toString());
    assertEquals("w[0] = -Infinity after the update", line.get("divergence").asText());
  }

  @Test
  void anUpdateThatOverflowsTheOptimizerStateDivergesAtThatStep() throws Exception {
    // Adagrad lr 0.1: s = 2.25e38 after step 1 and w = (1 − 0.1·1.5e19/1.5e19, 2 − 0.1) =
    // (0.9, 1.9); step 2 makes s[0] = 4.5e38 = +Inf, which would freeze w[0] from then on.
    Path file = caseFile("adagrad.json", "{\"name\":\"adagrad\",\"lr\":0.1}",
        "[[[1.5e19,1]],[[1.5e19,1]],[[1,1]]]");

    Cli.Result result = onBothEngines(file.toString());

    assertEquals(0, result.exit(), result.err());
    JsonNode line = line(result);
    assertEquals(2, line.get("diverged_at_step").asInt());
    assertEquals("[[[0.9,1.9]]]", line.get("trajectory").toString());
    assertEquals("w:state0[0] = Infinity after the update", line.get("divergence").asText());
  }

  @Test
  void aParameterBeyondFloat32IsMalformedOnBothEngines() throws Exception {
    // 1e39 is beyond float32 (it would read as +Infinity): the case cannot state that parameter.
    Path file = dir.resolve("param.json");
    Files.writeString(file, "{\"optimizer\":{\"name\":\"adam\"},\"params\":[{\"name\":\"w\","
        + "\"shape\":[2],\"values\":[1e39,2]}],\"grads\":[[[1,1]]]}");

    Cli.Result result = onBothEngines(file.toString());

    assertEquals(2, result.exit());
    assertEquals("", result.out());
    assertEquals("error: param.json: params[0].values[0]: 1.0E39 does not fit a 32-bit float",
        result.err().strip());
  }

  @Test
  void aDivergedCaseIsBeyondToleranceUnderCheck() throws Exception {
    Path file = caseFile("expected.json", "{\"name\":\"sgd\",\"lr\":0.1}",
        "[[[1e38,1]]],\"expected\":[[[-1e37,1.9]]]");

    Cli.Result result = onBothEngines("--check", file.toString());

    assertEquals(1, result.exit());
    assertTrue(result.err().contains("expected.json: max abs error 0.00, max rel error 0.00,"
        + " max step error 0.00: "
        + "BEYOND TOLERANCE: diverged at step 1 of 1"), result.err());
    assertEquals(false, line(result).get("within_tolerance").asBoolean());
  }
}
