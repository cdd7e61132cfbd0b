package org.optbench.fuzz;

import java.nio.file.Path;
import java.util.List;

/**
 * One command line a bad input goes through.
 *
 * @param name the command, as the audit table names it
 * @param line builds the arguments from the bad input and an empty folder for outputs
 */
record Probe(String name, Line line) {

  /** Builds a command line. */
  @FunctionalInterface
  interface Line {
    List<String> args(Path input, Path out);
  }

  /** {@code validate} and {@code run} for a spec. */
  static List<Probe> forSpecs() {
    return List.of(
        new Probe("validate", (spec, out) -> List.of("validate", spec.toString())),
        new Probe("run", (spec, out) -> List.of("run", spec.toString(),
            "--out", out.resolve("results").toString(),
            "--reports", out.resolve("reports").toString(), "--no-progress")));
  }

  /** {@code replay --check} on both engines for a conformance case. */
  static List<Probe> forReplay() {
    return List.of(
        new Probe("replay-native", (c, out) -> List.of("replay", c.toString(), "--engine", "native", "--check")),
        new Probe("replay-djl", (c, out) -> List.of("replay", c.toString(), "--engine", "djl", "--check")));
  }

  /** The six commands that read a result folder, with {@code base} the undamaged result set. */
  static List<Probe> forResults(Path base) {
    return List.of(
        new Probe("report", (dir, out) -> List.of("report", dir.toString(), "--out", out.resolve("report").toString())),
        new Probe("compare-baseline", (dir, out) -> List.of("compare", "--baseline", dir.toString(),
            "--current", base.toString(), "--report", out.resolve("compare").toString())),
        new Probe("compare-current", (dir, out) -> List.of("compare", "--baseline", base.toString(),
            "--current", dir.toString(), "--report", out.resolve("compare").toString())),
        new Probe("baseline-update", (dir, out) -> List.of("baseline", "update", dir.toString(),
            "--baselines", out.resolve("baselines").toString())),
        new Probe("claims", (dir, out) -> List.of("claims", dir.toString(),
            "--markdown", out.resolve("verdicts.md").toString())),
        new Probe("merge", (dir, out) -> List.of("merge", dir.toString(), "--out", out.resolve("merged").toString())));
  }
}
