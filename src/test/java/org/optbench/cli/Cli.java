package org.optbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.optbench.io.ResultSetWriter;
import org.optbench.io.SampleResults;
import org.optbench.spec.Axis;
import org.optbench.spec.ExperimentSpec;

/** In-process command lines with their output captured, and small result sets to feed them. */
final class Cli {

  private Cli() {}

  /** What a command line printed and returned. */
  record Result(int exit, String out, String err) {

    /** Standard output and error together, for assertion messages. */
    String all() {
      return "exit " + exit + "\n" + out + err;
    }

    /** Whether standard error shows a stack trace (a line "\tat ..."). */
    boolean hasStackTrace() {
      return err.contains("\tat ");
    }
  }

  /**
   * Asserts that {@code validate} and {@code run} both reject {@code spec} with one line, {@code
   * error: <spec>:<where>: ...} containing {@code says}, exit 2 and no stack trace, and that the
   * run wrote no results or reports under {@code dir}.
   */
  static void assertSpecRejected(Path spec, Path dir, String where, String says) {
    for (String command : new String[] {"validate", "run"}) {
      Result result = command.equals("validate")
          ? execute("validate", spec.toString())
          : execute("run", spec.toString(), "--out", dir.resolve("results").toString(),
              "--reports", dir.resolve("reports").toString(), "--no-progress");
      org.junit.jupiter.api.Assertions.assertEquals(2, result.exit(), result.all());
      org.junit.jupiter.api.Assertions.assertEquals(
          1, result.err().lines().filter(l -> !l.isBlank()).count(), result.all());
      org.junit.jupiter.api.Assertions.assertTrue(
          result.err().startsWith("error: " + spec + ":" + where), result.all());
      org.junit.jupiter.api.Assertions.assertTrue(result.err().contains(says), result.all());
      org.junit.jupiter.api.Assertions.assertFalse(result.hasStackTrace(), result.all());
    }
    org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.exists(dir.resolve("results")));
    org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.exists(dir.resolve("reports")));
  }

  /** Runs {@code args} through {@link Main#execute}, capturing standard output and error. */
  static Result execute(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int exit = Main.execute(args);
      return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  /**
   * Publishes a made-up result set {@code root/<name>/}: two seeds of SGD on linear regression,
   * 10 steps each ({@link SampleResults#converging}); no training.
   */
  static Path resultSet(Path root, String name) throws IOException {
    ExperimentSpec spec = SampleResults.spec(name, "made up",
        List.of(SampleResults.component(Axis.WORKLOAD, "linear_regression")),
        List.of(SampleResults.component(Axis.OPTIMIZER, "sgd", "lr", 0.1)),
        List.of(SampleResults.component(Axis.CLIP, "none")),
        List.of(0L, 1L), 10, 5);
    ResultSetWriter writer = ResultSetWriter.open(root, name);
    for (var cell : spec.cells()) {
      writer.add(SampleResults.converging(cell));
    }
    Instant started = Instant.parse("2026-11-21T14:30:05Z");
    return writer.commit(spec, SampleResults.environment(), started, started.plusSeconds(60)).published();
  }

  /** Rewrites the {@code experiment} field of {@code resultSet/manifest.json}. */
  static void setExperimentField(Path resultSet, String experiment) throws IOException {
    Path manifest = resultSet.resolve("manifest.json");
    String json = Files.readString(manifest);
    String edited = json.replaceFirst("\"experiment\" : \"[^\"]*\"",
        "\"experiment\" : \"" + experiment.replace("\\", "\\\\") + "\"");
    if (edited.equals(json)) {
      throw new IllegalStateException("no experiment field in " + manifest + ": " + json);
    }
    Files.writeString(manifest, edited);
  }
}
