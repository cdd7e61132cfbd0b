package org.optbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leftovers of killed processes are removed by exact name pattern and only when their process is
 * gone; everything else stays.
 */
class LeftoversTest {

  @TempDir Path dir;

  /** The id of a process that has ended. */
  static long gone;

  static final long ALIVE = ProcessHandle.current().pid();

  @BeforeAll
  static void aProcessThatHasEnded() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    gone = p.pid();
    assertFalse(ProcessHandle.of(gone).map(ProcessHandle::isAlive).orElse(false));
  }

  private Path file(String path) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x");
    return file;
  }

  private List<Path> everything() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void removesStaleStagingFoldersTemporaryFilesAndSpecCopiesOfThisExperimentOnly() throws IOException {
    Path results = dir.resolve("results");
    Path reports = dir.resolve("reports");
    Path staleStaging = results.resolve(".exp.partial-" + gone + "-17");
    file("results/.exp.partial-" + gone + "-17/runs/a.steps.csv");
    file("results/.exp.partial-" + gone + "-17/.steps.csv." + gone + "-3fa.tmp");
    Path staleCopy = file("results/.exp.cells/worker-" + gone + "-99.yaml");
    Path staleTemp = file("results/.exp.cells/runs/.a.steps.csv." + gone + "-0b1c.tmp");
    Path staleReportTemp = file("reports/.plotly-2.35.3.js." + gone + "-ff.tmp");
    Path staleTableTemp = file("reports/exp/tables/.convergence.csv." + gone + "-ff.tmp");
    Path staleClaimsTemp = file("results/exp/.claims.csv." + gone + "-1.tmp");
    List<Path> kept = new ArrayList<>(List.of(
        file("results/.exp.partial-" + ALIVE + "-17/runs/a.steps.csv"),  // a live process's
        file("results/.other.partial-" + gone + "-17/runs/a.steps.csv"), // another experiment's
        file("results/.exp.partial-17/runs/a.steps.csv"),                // no process id: unprovable
        file("results/.exp.cells/worker-" + ALIVE + "-99.yaml"),
        file("results/.exp.cells/runs/a.key"),
        file("results/.exp.cells/runs/.a.steps.csv.0b1c.tmp"),           // an earlier version's
        file("results/exp/notes.tmp"),
        file("results/exp/steps.csv"),
        file("reports/.index.html." + ALIVE + "-ab.tmp"),
        file("reports/elsewhere/.index.html." + gone + "-ab.tmp")));      // not this report's folder

    List<Path> removed = Leftovers.remove(results, "exp",
        List.of(reports, reports.resolve("exp"), reports.resolve("exp/tables")));

    assertEquals(List.of(staleStaging, staleCopy, staleTemp, staleClaimsTemp, staleReportTemp,
        staleTableTemp), removed);
    assertFalse(Files.exists(staleStaging));
    kept.sort(null);
    assertEquals(kept, everything());
  }

  @Test
  void aTemporaryFileNamesItsWriter() throws IOException {
    Path target = dir.resolve("a.csv");
    AtomicFiles.write(target, temp -> {
      assertEquals(ALIVE, AtomicFiles.ownerOfTemp(temp.getFileName().toString()).getAsLong(), temp.toString());
      assertTrue(temp.getFileName().toString().startsWith(".a.csv." + ALIVE + "-"), temp.toString());
      Files.writeString(temp, "x");
    });
    assertTrue(AtomicFiles.ownerOfTemp("a.csv").isEmpty());
    assertTrue(AtomicFiles.ownerOfTemp(".a.csv.3fa.tmp").isEmpty(), "no process id");
  }
}
