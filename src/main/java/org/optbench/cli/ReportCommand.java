package org.optbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.optbench.io.ResultFiles;
import org.optbench.report.ReportBuilder;
import org.optbench.report.ReportFolder;
import org.optbench.spec.SafeNames;
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
      description = "folder for the report (index.html, report.json, tables/; nothing is written"
          + " outside it). Default: reports/<name of RESULTS_DIR>, listed in reports/index.html")
  Path out;

  @Option(names = "--plotly", paramLabel = "WHERE", defaultValue = "inline",
      description = "inline: index.html is the whole report and opens from any folder (plotly"
          + " inside, 3.2 MB); shared: plotly-*.js beside the report, or in reports/ for all the"
          + " reports there (default: ${DEFAULT-VALUE})")
  String plotly;

  /** The reports root used without --out. */
  private static final Path REPORTS = Path.of("reports");

  @Override
  public Integer call() throws Exception {
    if (Files.isRegularFile(results) && results.toString().matches("(?i).*\\.ya?ml")) {
      throw new UserInputException(results + " is an experiment spec, not a result set; run it"
          + " first (`optbench run " + results + "`), then report its results folder, e.g."
          + " results/<experiment>");
    }
    if (!Files.isDirectory(results)) {
      throw new UserInputException(
          results + ": no such results folder; pass a folder written by `optbench run`, e.g. results/quickstart");
    }
    if (!Files.isRegularFile(results.resolve("manifest.json"))) {
      throw new UserInputException(
          results + ": no manifest.json, so not a complete result set (an interrupted run"
              + " leaves none); rerun the experiment with `optbench run`");
    }
    // The report records the manifest's experiment name (report.json, the list of reports):
    // checked like every name read from data.
    ResultFiles.experimentOf(results);
    ReportFolder folder;
    if (out != null) {
      OutputChecks.folder("--out", out);
      folder = ReportFolder.standalone(out);
    } else {
      OutputChecks.folder("reports folder", REPORTS);
      folder = ReportFolder.inRoot(REPORTS, reportName(results));
    }
    folder = folder.withPlotly(PlotlyOption.parse(plotly));
    OutputChecks.none(folder.problem());
    Path index = ReportBuilder.build(results, folder);
    System.out.println("report: " + index);
    OutputChecks.kept(folder.foreignFiles()).ifPresent(System.out::println);
    return ExitCodes.OK;
  }

  /**
   * The name of the results folder, which names the report folder: taken from the normalised path,
   * so that {@code results/x/.} and {@code results/x/} name {@code x}, and checked with {@link
   * SafeNames}, so that no path (e.g. {@code results/x/..}) names a folder outside reports/.
   */
  static String reportName(Path results) {
    Path name = results.toAbsolutePath().normalize().getFileName();
    if (name == null) {
      throw new UserInputException(results + " names no folder to name the report after; pass"
          + " a result set such as results/quickstart, or --out DIR");
    }
    SafeNames.problem(name.toString()).ifPresent(problem -> {
      throw new UserInputException(results + ": the report folder is named after the results"
          + " folder, and its " + problem + "; pass --out DIR");
    });
    return name.toString();
  }
}
