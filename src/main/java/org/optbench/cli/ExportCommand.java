package org.optbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.optbench.io.ResultFiles;
import org.optbench.io.StepsCsvExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code export RESULTS_DIR}: writes the result set's steps as {@code steps.csv}, one row per run
 * and step with every label column, as earlier versions published them.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Write a result set's steps (steps.parquet) as steps.csv, labels on every row.")
final class ExportCommand implements Callable<Integer> {

  @Parameters(paramLabel = "RESULTS_DIR", description = "e.g. results/quickstart")
  Path results;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "where to write (default: RESULTS_DIR/steps.csv)")
  Path output;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(results)) {
      throw new UserInputException(results + ": no such results folder");
    }
    Path target = output != null ? output : results.resolve(ResultFiles.STEPS);
    int rows = StepsCsvExport.write(results, target);
    System.out.println("wrote " + rows + " step rows to " + target);
    return ExitCodes.OK;
  }
}
