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
      "Match the runs of a result set to a baseline by cell and seed, and check",
      "final loss, its mean over the last 10%% of steps, best loss, eval loss,",
      "accuracy, steps to target, divergence and optimizer state bytes (steps/s",
      "only when the spec asks). Runs from one bit-reproducible path must",
      "reproduce every seed; otherwise a regression is a 95%% paired t-interval",
      "of the per-seed change beyond the metric's margin (README; the spec's",
      "`regression:` key). Prints the findings, writes an HTML report."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no regression", "1:a regression, a changed seed of a reproducible path, or a baseline"
          + " cell or seed missing", "2:bad input"})
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
    return comparison.failures() > 0 ? ExitCodes.FAILURE : ExitCodes.OK;
  }
}
