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

/** The replay contract of the issue, through picocli as the CLI runs it. */
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
    // A looser tolerance accepts the same case.
    assertEquals(0, run("--check", "--rtol", "1e-3", sgdCase("[[[0.5,3.0]],[[0.25,3.001]]]")
        .toString()));
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
  void nonFiniteGradientIsAMalformedCase() throws Exception {
    Path nan = dir.resolve("nan.json");
    Files.writeString(nan, "{\"optimizer\":{\"name\":\"sgd\"},"
        + "\"params\":[{\"name\":\"w\",\"shape\":[1],\"values\":[1]}],\"grads\":[[[1e39]]]}");
    assertEquals(2, run(nan.toString()));
    assertTrue(err.toString().contains("nan.json: grads[0]: non-finite gradient at step 1: w[0]"),
        err.toString());
  }

  @Test
  void djlEngineReplaysAndUnknownEnginesAreRefused() throws Exception {
    assertEquals(0, run("--engine", "djl", "--check", sgdCase("[[[0.5,3.0]],[[0.25,3.0000005]]]")
        .toString()));
    assertEquals(2, run("--engine", "tpu", sgdCase(null).toString()));
    assertTrue(err.toString().contains("unknown engine 'tpu'; known: native, djl"));
  }
}
