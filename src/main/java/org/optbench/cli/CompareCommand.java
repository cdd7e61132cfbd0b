package org.optbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.optbench.compare.Comparison;
import org.optbench.compare.ComparisonReport;
import org.optbench.io.PublishedRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code compare --baseline DIR --current DIR [--report DIR]}: flags regressions. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Match the runs of a result set to a baseline cell by cell and compare final/best loss,",
      "accuracy, steps to target, divergence, optimizer state bytes and steps/s against the",
      "baseline's seed spread (tolerances: README, and the spec's `regression:` key).",
      "Prints regressions and improvements and writes an HTML diff report."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no regression", "1:a regression, or a baseline cell missing", "2:bad input"})
final class CompareCommand implements Callable<Integer> {

  @Option(names = "--baseline", required = true, paramLabel = "DIR",
      description = "baseline (results/baselines/<experiment>) or result set")
  Path baseline;

  @Option(names = "--current", required = true, paramLabel = "DIR",
      description = "result set (or baseline) to check, e.g. results/nightly")
  Path current;

  @Option(names = "--report", paramLabel = "DIR",
      description = "folder for index.html (default: reports/<experiment>/compare)")
  Path report;

  @Override
  public Integer call() throws Exception {
    String a = PublishedRuns.manifest(baseline).experiment();
    String b = PublishedRuns.manifest(current).experiment();
    if (!a.equals(b)) {
      throw new UserInputException(
          "baseline is experiment '" + a + "' but current is '" + b + "'; compare one experiment with itself");
    }
    Path dir = report != null ? report : Path.of("reports", b, "compare");
    OutputChecks.folder(report != null ? "--report" : "report folder", dir);
    OutputChecks.none(ComparisonReport.problem(dir));
    Comparison comparison = Comparison.of(baseline, current);
    System.out.print(ComparisonReport.text(comparison));
    System.out.println("report: " + ComparisonReport.html(comparison, baseline, current, dir));
    return comparison.regressions() > 0 ? ExitCodes.FAILURE : ExitCodes.OK;
  }
}
