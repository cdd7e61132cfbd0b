package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optbench.io.DamagedResultSets;
import org.optbench.io.DamagedResultSets.Damage;
import org.optbench.io.ResultSetWriter;
import org.optbench.io.SampleResults;
import org.optbench.spec.SpecParser;

/**
 * Every command that reads a result folder, given a damaged one: exit 2, one {@code error:} line
 * naming the damaged file, no stack trace, and nothing written, moved or deleted anywhere.
 */
class DamagedResultSetCliTest {

  @TempDir static Path tmp;

  static Path pristine;

  /** A command line reading {@code damaged} (and {@code good} where it needs two folders). */
  record Command(String name, BiFunction<Path, Path, String[]> args) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Command> COMMANDS =
      List.of(
          new Command("report", (damaged, good) -> new String[] {
              "report", damaged.toString(), "--out", out(damaged, "report")}),
          new Command("compare (baseline)", (damaged, good) -> new String[] {
              "compare", "--baseline", damaged.toString(), "--current", good.toString(),
              "--report", out(damaged, "compare")}),
          new Command("compare (current)", (damaged, good) -> new String[] {
              "compare", "--baseline", good.toString(), "--current", damaged.toString(),
              "--report", out(damaged, "compare")}),
          new Command("baseline update", (damaged, good) -> new String[] {
              "baseline", "update", damaged.toString(), "--baselines", out(damaged, "baselines")}),
          new Command("claims", (damaged, good) -> new String[] {
              "claims", damaged.toString(), "--markdown", out(damaged, "verdicts.md")}),
          new Command("merge", (damaged, good) -> new String[] {
              "merge", damaged.toString(), "--out", out(damaged, "merged")}));

  /** {@code <case folder>/out/<name>}: where a command would write. */
  private static String out(Path damaged, String name) {
    return damaged.getParent().getParent().resolve("out").resolve(name).toString();
  }

  @BeforeAll
  static void writeTheTinyResultSet() throws Exception {
    pristine = DamagedResultSets.write(tmp.resolve("pristine"));
  }

  static Stream<Arguments> damagesTimesCommands() {
    List<Arguments> cases = new ArrayList<>();
    for (Damage damage : DamagedResultSets.all()) {
      for (Command command : COMMANDS) {
        cases.add(Arguments.of(damage, command));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("damagesTimesCommands")
  @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a FIFO opened blocks
  void aDamagedFolderIsBadInputAndNothingIsWritten(Damage damage, Command command)
      throws Exception {
    Path root = Files.createTempDirectory(tmp, "case");
    Path damaged = root.resolve("damaged").resolve("tiny");
    Path good = root.resolve("good").resolve("tiny");
    DamagedResultSets.copy(pristine, damaged);
    DamagedResultSets.copy(pristine, good);
    damage.apply().apply(damaged);
    String before = DamagedResultSets.snapshot(root);

    Cli.Result result = Cli.execute(command.args().apply(damaged, good));

    String err = result.err();
    assertEquals(ExitCodes.BAD_INPUT, result.exit(), err + result.out());
    assertEquals(1, err.strip().lines().count(), "one line: " + err);
    assertTrue(err.startsWith("error: "), err);
    assertTrue(err.contains(damaged.toString()), "names the folder: " + err);
    assertTrue(err.contains(damage.file()), "names " + damage.file() + ": " + err);
    assertFalse(err.contains("\tat "), "no stack trace: " + err);
    assertFalse(err.contains("Exception"), "no exception name: " + err);
    assertEquals(before, DamagedResultSets.snapshot(root), "nothing written");
  }

  @Test
  void theUndamagedCopyPassesEveryCommand() throws Exception {
    Path root = Files.createTempDirectory(tmp, "good");
    Path damaged = root.resolve("damaged").resolve("tiny");
    Path good = root.resolve("good").resolve("tiny");
    DamagedResultSets.copy(pristine, damaged);
    DamagedResultSets.copy(pristine, good);
    for (Command command : COMMANDS) {
      Cli.Result result = Cli.execute(command.args().apply(damaged, good));
      assertEquals(0, result.exit(), command + ": " + result.err());
    }
  }

  @Test
  void anEmptyResultSetIsNeitherABaselineNorAComparison() throws Exception {
    Path root = Files.createTempDirectory(tmp, "empty");
    var spec = SpecParser.parse(Path.of("experiments", "tiny.yaml"), DamagedResultSets.SPEC);
    var now = java.time.Instant.parse("2026-11-21T14:30:05Z");
    Path empty =
        ResultSetWriter.open(root.resolve("empty"), "tiny")
            .commit(spec, SampleResults.environment(), now, now)
            .published();
    Path good = root.resolve("good").resolve("tiny");
    DamagedResultSets.copy(pristine, good);
    String before = DamagedResultSets.snapshot(root);

    Cli.Result baseline = Cli.execute("baseline", "update", empty.toString(), "--baselines",
        root.resolve("baselines").toString());
    Cli.Result asBaseline = Cli.execute("compare", "--baseline", empty.toString(), "--current",
        good.toString(), "--report", root.resolve("cmp").toString());
    Cli.Result asCurrent = Cli.execute("compare", "--baseline", good.toString(), "--current",
        empty.toString(), "--report", root.resolve("cmp").toString());

    for (Cli.Result r : List.of(baseline, asBaseline, asCurrent)) {
      assertEquals(ExitCodes.BAD_INPUT, r.exit(), r.out() + r.err());
      assertTrue(r.err().startsWith("error: " + empty.resolve("runs.csv") + ": holds no runs"),
          r.err());
    }
    assertEquals(before, DamagedResultSets.snapshot(root), "nothing written");
  }

  @Test
  void claimsChecksEveryFolderBeforeWritingAny() throws Exception {
    Path root = Files.createTempDirectory(tmp, "claims");
    Path good = root.resolve("good").resolve("tiny");
    Path damaged = root.resolve("damaged").resolve("tiny");
    DamagedResultSets.copy(pristine, good);
    DamagedResultSets.copy(pristine, damaged);
    Files.delete(damaged.resolve("steps.parquet"));
    String before = DamagedResultSets.snapshot(root);

    Cli.Result result = Cli.execute("claims", good.toString(), damaged.toString());

    assertEquals(ExitCodes.BAD_INPUT, result.exit(), result.err());
    assertEquals(before, DamagedResultSets.snapshot(root), "the good folder's claims.csv kept");
  }
}
