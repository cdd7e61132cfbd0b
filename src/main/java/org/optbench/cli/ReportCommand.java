package org.optbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.optbench.report.ReportBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code report RESULTS_DIR}: rebuilds a report from a result set alone. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "(Re)build the HTML report of a result set from its files alone.")
final class ReportCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "e.g. results/quickstart")
  Path results;

  @Option(names = "--out", paramLabel = "DIR",
      description = "report folder (default: reports/<name of RESULTS_DIR>)")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(results)) {
      throw new UserInputException(
          results + ": no such results folder; pass a folder written by `optbench run`, e.g. results/quickstart");
    }
    if (!Files.isRegularFile(results.resolve("manifest.json"))) {
      throw new UserInputException(
          results + ": no manifest.json, so not a complete result set (an interrupted run"
              + " leaves none); rerun the experiment with `optbench run`");
    }
    Path target = out != null ? out : Path.of("reports").resolve(results.getFileName());
    Path index = ReportBuilder.build(results, target);
    System.out.println("report: " + index);
    return ExitCodes.OK;
  }
}
