package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file a report writes lies in the folder the user named (or in the default reports root),
 * and a page optbench did not write is never replaced.
 */
class ReportPathsTest {

  static final String PLOTLY = "plotly-2.35.3.js";
  static final String USER_PAGE = "<!DOCTYPE html><title>my page</title>";

  @TempDir Path dir;

  Path results;

  @BeforeEach
  void resultSet() throws Exception {
    results = Cli.resultSet(dir.resolve("results"), "exp");
  }

  private List<String> names(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void reportWithOutIsSelfContainedAndLeavesTheParentFolderAlone() throws Exception {
    Path mine = Files.createDirectories(dir.resolve("mine"));
    Files.writeString(mine.resolve("index.html"), USER_PAGE);
    Path out = mine.resolve("report");

    Cli.Result result = Cli.execute("report", results.toString(), "--out", out.toString());
    assertEquals(0, result.exit(), result.all());
    assertEquals(USER_PAGE, Files.readString(mine.resolve("index.html")), "the parent's page is untouched");
    assertEquals(List.of("index.html", "report"), names(mine), "nothing else written beside --out");
    assertEquals(List.of("index.html", "report.json", "tables"), names(out));
    String page = Files.readString(out.resolve("index.html"));
    assertTrue(page.contains("id=\"plotly-gzip-base64\""), "plotly inside the page");
    assertFalse(page.contains("../index.html"), "no link to a list of reports that does not exist");
  }

  @Test
  void reportWithOutAndSharedPlotlyPutsTheScriptInDir() throws Exception {
    Path out = dir.resolve("alone");
    Cli.Result result = Cli.execute("report", results.toString(), "--out", out.toString(),
        "--plotly", "shared");
    assertEquals(0, result.exit(), result.all());
    assertEquals(List.of("index.html", PLOTLY, "report.json", "tables"), names(out));
    assertTrue(Files.readString(out.resolve("index.html"))
        .contains("<script defer src=\"" + PLOTLY + "\"></script>"), "plotly beside the page");
  }

  @Test
  void anUnknownPlotlyPlacementExitsTwoAndWritesNothing() throws Exception {
    Path out = dir.resolve("never");
    Cli.Result result = Cli.execute("report", results.toString(), "--out", out.toString(),
        "--plotly", "cdn");
    assertEquals(2, result.exit(), result.all());
    assertTrue(result.err().contains("--plotly is inline or shared, got 'cdn'"), result.all());
    assertFalse(Files.exists(out));
  }

  @Test
  void reportRefusesToReplaceAPageItDidNotWrite() throws Exception {
    Path out = Files.createDirectories(dir.resolve("site"));
    Files.writeString(out.resolve("index.html"), USER_PAGE);

    Cli.Result result = Cli.execute("report", results.toString(), "--out", out.toString());
    assertEquals(2, result.exit(), result.all());
    assertEquals("error: " + out.resolve("index.html") + " was not written by optbench, which will not"
        + " replace it; move it or choose another folder", result.err().strip());
    assertEquals(USER_PAGE, Files.readString(out.resolve("index.html")));
    assertEquals(List.of("index.html"), names(out), "nothing written");
  }

  @Test
  void rebuildingAReportReplacesItsOwnFilesAndKeepsAndListsOthers() throws Exception {
    Path out = dir.resolve("report");
    assertEquals(0, Cli.execute("report", results.toString(), "--out", out.toString()).exit());
    Files.writeString(out.resolve("notes.md"), "what I saw");

    Cli.Result again = Cli.execute("report", results.toString(), "--out", out.toString());
    assertEquals(0, again.exit(), again.all());
    assertEquals("what I saw", Files.readString(out.resolve("notes.md")));
    assertTrue(again.out().contains("kept 1 file(s) optbench did not write: " + out.resolve("notes.md")),
        again.out());
  }

  @Test
  void compareRefusesToReplaceAPageItDidNotWrite() throws Exception {
    Path out = Files.createDirectories(dir.resolve("cmp"));
    Files.writeString(out.resolve("index.html"), USER_PAGE);

    Cli.Result result = Cli.execute("compare", "--baseline", results.toString(), "--current",
        results.toString(), "--report", out.toString());
    assertEquals(2, result.exit(), result.all());
    assertTrue(result.err().startsWith("error: " + out.resolve("index.html") + " was not written by optbench"),
        result.err());
    assertEquals(USER_PAGE, Files.readString(out.resolve("index.html")));

    // Its own page it replaces.
    Files.delete(out.resolve("index.html"));
    assertEquals(0, Cli.execute("compare", "--baseline", results.toString(), "--current",
        results.toString(), "--report", out.toString()).exit());
    assertEquals(0, Cli.execute("compare", "--baseline", results.toString(), "--current",
        results.toString(), "--report", out.toString()).exit());
  }

  /**
   * Without --out the report goes to reports/NAME under the working directory, NAME being the
   * results folder's name after normalising the path: {@code results/exp/.} names {@code exp}, not
   * the reports root itself. Run in a child JVM, whose working directory is the test's folder.
   */
  @Test
  void aResultsPathEndingInDotNamesTheFolderItPointsTo() throws Exception {
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dai.djl.offline=true", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"),
        "org.optbench.cli.Main", "report", "results/exp/.")
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile())
        .start();
    assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, child.exitValue(), Files.readString(dir.resolve("child.log")));
    Path reports = dir.resolve("reports");
    assertEquals(List.of("exp", "index.html"), names(reports));
    assertTrue(Files.readString(reports.resolve("index.html")).contains("<title>optbench reports</title>"),
        "the root holds the list of reports, not a report");
    assertTrue(Files.isRegularFile(reports.resolve("exp/index.html")));
  }

  @Test
  void theReportFolderIsNamedAfterTheNormalisedResultsPath() {
    assertEquals("exp", ReportCommand.reportName(results.resolve(".")));
    assertEquals("exp", ReportCommand.reportName(Path.of(results + "/")));
    assertEquals("exp", ReportCommand.reportName(results.resolve("tables/..")));
    UserInputException root = assertThrows(UserInputException.class, () -> ReportCommand.reportName(Path.of("/")));
    assertTrue(root.getMessage().contains("pass a result set such as results/quickstart, or --out DIR"),
        root.getMessage());
  }
}
