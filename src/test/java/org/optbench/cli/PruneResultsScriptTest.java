package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/k8s/prune-results.sh, the retention step of the nightly CronJob and merge Job, run with
 * /bin/sh on folders named as Kubernetes and optbench name them, and on look-alikes it must keep.
 */
class PruneResultsScriptTest {

  private static final Path SCRIPT = Path.of("deploy/k8s/prune-results.sh");

  @TempDir Path dir;

  private static int prune(String... args) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
    String[] command = Stream.concat(Stream.of("/bin/sh", SCRIPT.toString()), Stream.of(args)).toArray(String[]::new);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    System.out.print(output);
    return exit;
  }

  private Set<String> left() throws IOException {
    try (Stream<Path> names = Files.list(dir)) {
      return names.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  @Test
  void keepsTheNewestNightsByNumberNotByText() throws Exception {
    for (String night : new String[] {"optbench-nightly-99", "optbench-nightly-100", "optbench-nightly-1000"}) {
      Files.createDirectories(dir.resolve(night).resolve("shard-0"));
    }
    assertEquals(0, prune("runs", dir.toString(), "optbench-nightly", "2"));
    // As text "99" sorts last; as a number (minutes since 1970) it is the oldest night.
    assertEquals(Set.of("optbench-nightly-100", "optbench-nightly-1000"), left());
  }

  @Test
  void leavesEverythingThatIsNotAFolderOfTheExactPattern() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.createFile(outside.resolve("keep.csv"));
    Files.createSymbolicLink(dir.resolve("optbench-nightly-1"), outside);
    Files.createFile(dir.resolve("optbench-nightly-2"));
    Files.createDirectories(dir.resolve("optbench-nightly-manual-3"));
    Files.createDirectories(dir.resolve("optbench-nightly-4x"));
    Files.createDirectories(dir.resolve("other-nightly-5"));
    Files.createDirectories(dir.resolve("optbench-nightly-6"));
    Set<String> before = left();
    assertEquals(0, prune("runs", dir.toString(), "optbench-nightly", "1"));
    assertEquals(before, left(), "one matching folder, and KEEP is 1");
    assertEquals(Set.of("keep.csv"), Set.of(outside.toFile().list()), "a link is never followed");
  }

  @Test
  void keepsTheNewestMovedAsideResultSetsByStartTimeThenSuffix() throws Exception {
    for (String name : new String[] {"nightly", "nightly.20261121T143005Z", "nightly.20261122T010000Z",
        "nightly.20261122T010000Z-2", "nightly.20261122T010000Z-10", "nightly.notes", "nightly.2026112T010000Z",
        "quickstart.20200101T000000Z", ".nightly.cells"}) {
      Files.createDirectories(dir.resolve(name));
    }
    assertEquals(0, prune("archives", dir.toString(), "nightly", "2"));
    // Of the four moved-aside sets the two newest stay: the -10th and -2nd of 2026-11-22 01:00:00Z.
    assertEquals(Set.of("nightly", "nightly.20261122T010000Z-10", "nightly.20261122T010000Z-2", "nightly.notes",
        "nightly.2026112T010000Z", "quickstart.20200101T000000Z", ".nightly.cells"), left());
  }

  @Test
  void refusesToKeepNothingOrAPatternInTheName() throws Exception {
    Files.createDirectories(dir.resolve("nightly.20261121T143005Z"));
    assertEquals(2, prune("archives", dir.toString(), "nightly", "0"));
    assertEquals(2, prune("archives", dir.toString(), "night.*", "1"));
    assertEquals(2, prune("everything", dir.toString(), "nightly", "1"));
    assertEquals(Set.of("nightly.20261121T143005Z"), left());
  }
}
