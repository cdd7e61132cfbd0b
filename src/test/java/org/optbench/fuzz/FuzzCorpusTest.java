package org.optbench.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.cli.Main;

/**
 * Every case of the bad-input corpus, through every command that reads it, in this JVM: each must
 * end with exit code 2, exactly one {@code error:} line, no stack trace, nothing written (the
 * folders around the input and the output folders are listed before and after) and within a time
 * limit (a named pipe or an endless device must not block a reader).
 */
class FuzzCorpusTest {

  private static final Duration LIMIT = Duration.ofSeconds(60);

  @TempDir static Path work;
  private static Path base;

  @BeforeAll
  static void trainBaseResultSet() throws IOException {
    Path dir = Files.createDirectories(work.resolve("base"));
    Path spec = Files.writeString(dir.resolve("fuzzbase.yaml"), DamagedResultSets.SPEC);
    Captured run = execute(List.of("run", spec.toString(), "--out", dir.resolve("results").toString(),
        "--reports", dir.resolve("reports").toString(), "--no-progress"));
    assertEquals(0, run.exit(), run.err());
    base = dir.resolve("results/fuzzbase");
  }

  @Test
  void corpusHasAtLeastTheAuditedNumberOfCasesWithUniqueNames() {
    assertTrue(BadSpecs.all().size() >= 150, "bad specs: " + BadSpecs.all().size());
    assertTrue(BadReplayFiles.all().size() >= 40, "bad replay files: " + BadReplayFiles.all().size());
    assertTrue(DamagedResultSets.all(base).size() >= 30, "damaged result folders");
    Set<String> names = new HashSet<>();
    Stream.of(BadSpecs.all(), BadReplayFiles.all(), DamagedResultSets.all(base))
        .flatMap(List::stream)
        .forEach(c -> assertTrue(names.add(c.toString()), "duplicate case " + c));
  }

  @TestFactory
  Stream<DynamicTest> badSpecs() {
    return tests(BadSpecs.all(), Probe.forSpecs());
  }

  @TestFactory
  Stream<DynamicTest> badReplayFiles() {
    return tests(BadReplayFiles.all(), Probe.forReplay());
  }

  @TestFactory
  Stream<DynamicTest> damagedResultFolders() {
    return tests(DamagedResultSets.all(base), Probe.forResults(base));
  }

  private Stream<DynamicTest> tests(List<FuzzCase> cases, List<Probe> probes) {
    List<DynamicTest> tests = new ArrayList<>();
    for (FuzzCase fuzzCase : cases) {
      for (Probe probe : probes) {
        tests.add(DynamicTest.dynamicTest(fuzzCase + " × " + probe.name(), () -> check(fuzzCase, probe)));
      }
    }
    return tests.stream();
  }

  private static void check(FuzzCase fuzzCase, Probe probe) throws IOException {
    Path dir = Files.createTempDirectory(work, "case-");
    Files.createDirectories(dir.resolve("in"));
    Path input = fuzzCase.input().create(dir.resolve("in"));
    Path out = dir.resolve("out");
    List<Path> watched = List.of(dir, base);
    FolderSnapshot before = FolderSnapshot.of(watched);
    Captured result = assertTimeoutPreemptively(LIMIT, () -> execute(probe.line().args(input, out)),
        fuzzCase + " × " + probe.name() + " did not finish");
    Outcome outcome = new Outcome(result.exit(), result.err(), FolderSnapshot.of(watched).changedSince(before));
    assertTrue(outcome.clean(), outcome.describe());
  }

  private record Captured(int exit, String err) {}

  private static Captured execute(List<String> args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int exit = Main.execute(args.toArray(String[]::new));
      return new Captured(exit, err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }
}
