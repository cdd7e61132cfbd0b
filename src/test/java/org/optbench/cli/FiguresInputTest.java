package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code figures} refuses bad input with one line and exit 2, before it starts a browser or writes
 * anything: the output folder is not even created. None of these cases needs Chromium.
 */
class FiguresInputTest {

  @TempDir static Path tmp;
  static Path results;

  @BeforeAll
  static void resultSet() throws Exception {
    results = Cli.resultSet(tmp.resolve("results"), "figs");
  }

  @Test
  void unknownFormatNamesTheAllowedOnes() {
    assertRefused(out -> Cli.execute("figures", results.toString(), "--format", "eps", "--out", out),
        "--format eps", "pdf, svg, png");
  }

  @Test
  void missingResultsFolder() {
    assertRefused(out -> Cli.execute("figures", tmp.resolve("nothing").toString(), "--format", "pdf",
        "--out", out), "no such results folder", "optbench run");
  }

  @Test
  void folderThatIsNoResultSet() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertRefused(out -> Cli.execute("figures", empty.toString(), "--format", "pdf", "--out", out),
        "no manifest.json", "optbench run");
  }

  @Test
  void unknownSizePreset() {
    assertRefused(out -> Cli.execute("figures", results.toString(), "--format", "pdf", "--size",
        "triple", "--out", out), "--size triple", "single");
  }

  @Test
  void zeroOrNegativeWidthAndHeight() {
    assertRefused(out -> Cli.execute("figures", results.toString(), "--format", "pdf", "--width",
        "0", "--height", "2", "--out", out), "--width 0", "positive");
    assertRefused(out -> Cli.execute("figures", results.toString(), "--format", "pdf", "--width",
        "3in", "--height", "-10pt", "--out", out), "--height -10pt", "positive");
    assertRefused(out -> Cli.execute("figures", results.toString(), "--format", "pdf", "--width",
        "3", "--out", out), "--width and --height go together", "both");
  }

  @Test
  void onlyNamingNoChartListsTheIds() {
    // loss_1 is the training-loss chart of the first workload (ConvergenceSection).
    assertRefused(out -> Cli.execute("figures", results.toString(), "--format", "svg", "--only",
        "loss_1,no_such_chart", "--out", out), "--only names no chart no_such_chart", "loss_1");
  }

  @Test
  void missingChromiumSaysHowToInstallIt() {
    assertRefused(out -> Cli.execute("figures", results.toString(), "--format", "png",
        "--chromium", tmp.resolve("no-chromium").toString(), "--out", out),
        "no Chromium", "apt-get install chromium");
  }

  @Test
  void scaleIsForPngOnly() {
    assertRefused(out -> Cli.execute("figures", results.toString(), "--format", "pdf", "--scale",
        "2", "--out", out), "--scale applies to png only", "vector");
  }

  @Test
  void keepsAFileItDidNotWrite() throws Exception {
    // figures.json is where optbench records what it wrote; a stranger's file of that name, or a
    // figure at a name optbench writes, is left as it is.
    Path out = Files.createDirectories(tmp.resolve("paper-figures"));
    Path mine = Files.writeString(out.resolve("captions.tex"), "my captions");
    Cli.Result result = Cli.execute("figures", results.toString(), "--format", "pdf",
        "--out", out.toString());
    assertEquals(2, result.exit(), result.all());
    assertTrue(result.err().contains(mine + " exists and optbench did not write it"), result.all());
    assertEquals("my captions", Files.readString(mine));
    try (var entries = Files.list(out)) {
      assertEquals(1, entries.count(), "nothing written beside it");
    }
  }

  /** Runs {@code command} with a fresh --out folder; asserts exit 2, one line, nothing created. */
  private static void assertRefused(
      java.util.function.Function<String, Cli.Result> command, String says, String alsoSays) {
    Path out = tmp.resolve("out-" + System.nanoTime());
    Cli.Result result = command.apply(out.toString());
    assertEquals(2, result.exit(), result.all());
    assertTrue(result.err().startsWith("error: "), result.all());
    assertEquals(1, result.err().lines().filter(l -> !l.isBlank()).count(), result.all());
    assertTrue(result.err().contains(says), result.all());
    assertTrue(result.err().contains(alsoSays), result.all());
    assertFalse(result.hasStackTrace(), result.all());
    assertFalse(Files.exists(out), out + " created");
  }
}
