package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The replay contract (docs/optimizers.md), through picocli as the CLI runs it. */
class ReplayCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new ReplayCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  /** SGD lr 0.5 from w = (1, 2) with g = (1, −2) then (0.5, 0): (0.5, 3) then (0.25, 3). */
  private Path sgdCase(String expected) throws Exception {
    Path file = dir.resolve("sgd.json");
    Files.writeString(file, "{\"optimizer\":{\"name\":\"sgd\",\"lr\":0.5},\"note\":\"ignored\","
        + "\"params\":[{\"name\":\"w\",\"shape\":[2],\"values\":[1,2]}],"
        + "\"grads\":[[[1,-2]],[[0.5,0]]]" + (expected == null ? "" : ",\"expected\":" + expected)
        + "}");
    return file;
  }

  @Test
  void printsOneJsonLinePerCaseWithTheTrajectory() throws Exception {
    assertEquals(0, run(sgdCase(null).toString()));
    JsonNode line = new ObjectMapper().readTree(out.toString().strip());
    assertEquals("sgd.json", line.get("case").asText());
    assertEquals("[[[0.5,3.0]],[[0.25,3.0]]]", line.get("trajectory").toString());
  }

  @Test
  void checkPassesWithinToleranceAndReportsErrors() throws Exception {
    assertEquals(0, run("--check", sgdCase("[[[0.5,3.0]],[[0.25,3.0000005]]]").toString()));
    JsonNode line = new ObjectMapper().readTree(out.toString().strip());
    assertTrue(line.get("within_tolerance").asBoolean());
    assertEquals(4.76837158203125E-7, line.get("max_abs_error").asDouble(), 1e-12);
    assertTrue(err.toString().contains("sgd.json: max abs error"), err.toString());
  }

  @Test
  void checkFailsBeyondToleranceWithExitOne() throws Exception {
    assertEquals(1, run("--check", sgdCase("[[[0.5,3.0]],[[0.25,3.001]]]").toString()));
    assertTrue(err.toString().contains("BEYOND TOLERANCE"), err.toString());
    assertTrue(err.toString().contains("step 2, tensor 'w'[1]"), err.toString());
    // Looser tolerances accept the same case: 0.001 is 0.4% of step 2's update (0.25).
    assertEquals(0, run("--check", "--rtol", "1e-3", "--step-rtol", "1e-2",
        sgdCase("[[[0.5,3.0]],[[0.25,3.001]]]").toString()));
  }

  @Test
  void checkFailsAnUpdateTheTrajectoryToleranceCannotSee() throws Exception {
    // SGD lr 0.5 at w = 1000 with g = 0.001: the update is −5e-4, and the trajectory tolerance
    // (1e-6 + 1e-5·1000 = 0.01) is twenty times that. In float32 below 1000 one ulp is 2⁻¹⁴
    // (6.1e-5): the replay lands 8 ulps below 1000, the expected 999.9993 is stored 11 ulps below
    // (an update 40% too large). That passes the trajectory check; restarted from 1000, the step
    // misses the expected update by (3 − 1) ulps of 11, 18% of its size, far beyond 1e-5.
    Path file = dir.resolve("small.json");
    Files.writeString(file, "{\"optimizer\":{\"name\":\"sgd\",\"lr\":0.5},"
        + "\"params\":[{\"name\":\"w\",\"shape\":[1],\"values\":[1000]}],"
        + "\"grads\":[[[0.001]]],\"expected\":[[[999.9993]]]}");
    assertEquals(1, run("--check", file.toString()));
    JsonNode line = new ObjectMapper().readTree(out.toString().strip());
    assertTrue(line.get("max_rel_error").asDouble() < 1e-5, "within the trajectory tolerance");
    assertEquals(2.0 / 11, line.get("max_step_error").asDouble(), 1e-12);
    assertTrue(err.toString().contains("BEYOND TOLERANCE (step-rtol 1.0E-5), worst at step 1,"
        + " tensor 'w'"), err.toString());
  }

  @Test
  void goldenVectorsPassThroughTheCommand() throws Exception {
    assertEquals(0, run("--check", "src/test/resources/golden/adam-default.json",
        "src/test/resources/golden/clip-zclip.json"));
    assertEquals(2, out.toString().strip().split("\n").length);
  }

  @Test
  void malformedCaseExitsTwoNamingCaseAndField() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"optimizer\":{\"name\":\"adam\",\"lr\":-1},"
        + "\"params\":[{\"name\":\"w\",\"shape\":[1],\"values\":[1]}],\"grads\":[[[1]]]}");
    assertEquals(2, run(bad.toString(), sgdCase(null).toString()));
    assertTrue(err.toString().contains("bad.json: optimizer.lr: -1.0 is out of range"),
        err.toString());
    assertTrue(out.toString().contains("\"case\":\"sgd.json\""), "other cases still run");
  }

  @Test
  void aGradientBeyondFloatRangeIsAMalformedCase() throws Exception {
    Path nan = dir.resolve("nan.json");
    Files.writeString(nan, "{\"optimizer\":{\"name\":\"sgd\"},"
        + "\"params\":[{\"name\":\"w\",\"shape\":[1],\"values\":[1]}],\"grads\":[[[1e39]]]}");
    assertEquals(2, run(nan.toString()));
    // 1e39 exceeds Float.MAX_VALUE (3.4e38): refused where it is read, not replayed as infinity.
    assertEquals("error: nan.json: grads[0][0][0]: 1.0E39 does not fit a 32-bit float",
        err.toString().strip());
  }

  @Test
  void everyMalformedFileIsOneErrorLineAndTheOthersStillRun() throws Exception {
    Path deep = dir.resolve("deep.json");
    Files.writeString(deep, "{\"optimizer\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
    Path wide = dir.resolve("wide.json");
    Files.writeString(wide, "{\"optimizer\":{\"name\":\"sgd\"},\"params\":[{\"name\":\"w\","
        + "\"shape\":[4294967300],\"values\":[1,2,3,4]}],\"grads\":[[[1,2,3,4]]]}");
    Path garbage = dir.resolve("garbage.json");
    Files.write(garbage, new byte[] {(byte) 0x96, 0x00, (byte) 0xff, 0x12});
    Path empty = dir.resolve("empty.json");
    Files.writeString(empty, "");
    Path folder = Files.createDirectory(dir.resolve("folder.json"));
    Path missing = dir.resolve("missing.json");

    int exit = run(deep.toString(), wide.toString(), garbage.toString(), empty.toString(),
        folder.toString(), missing.toString(), sgdCase(null).toString());

    assertEquals(2, exit);
    String[] lines = err.toString().strip().split("\n");
    assertEquals(6, lines.length, err.toString());
    assertEquals("error: deep.json: (json): nested deeper than 16 levels, which no case needs",
        lines[0]);
    // 4294967300 = 2^32 + 4 was read as 4 before, and the case ran.
    assertEquals("error: wide.json: params[0].shape[0]: 4294967300 does not fit a 32-bit integer",
        lines[1]);
    assertTrue(lines[2].startsWith("error: garbage.json: (json): "), lines[2]);
    assertEquals("error: empty.json: (json): expected a JSON object", lines[3]);
    assertEquals("error: folder.json: (file): " + folder + " is a folder, not a case file",
        lines[4]);
    assertEquals("error: missing.json: (file): no such file: " + missing, lines[5]);
    assertTrue(out.toString().contains("\"case\":\"sgd.json\""), "the good case still runs");
  }

  @Test
  void djlEngineReplaysAndUnknownEnginesAreRefused() throws Exception {
    assertEquals(0, run("--engine", "djl", "--check", sgdCase("[[[0.5,3.0]],[[0.25,3.0000005]]]")
        .toString()));
    assertEquals(2, run("--engine", "tpu", sgdCase(null).toString()));
    assertTrue(err.toString().contains("unknown engine 'tpu'; known: native, djl"));
  }
}
