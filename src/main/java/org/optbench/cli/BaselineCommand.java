package org.optbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.optbench.compare.Baseline;
import org.optbench.io.ResultFiles;
import org.optbench.io.ResultSetCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code baseline update RESULTS_DIR}: promotes a result set to the experiment's baseline. */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description = "Manage regression baselines (results/baselines/<experiment>/).",
    subcommands = {BaselineCommand.Update.class})
final class BaselineCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description =
        "Write the small summary of a complete result set (manifest, runs.csv, targets, per-cell "
        + "medians; no steps.csv) to <baselines>/<experiment>/, replacing those four files of the "
        + "previous baseline; other files there are kept. Commit the folder.")
  static final class Update implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "e.g. results/nightly")
    Path results;

    @Option(names = "--baselines", paramLabel = "DIR", defaultValue = "results/baselines",
        description = "baselines root (default: ${DEFAULT-VALUE})")
    Path baselines;

    @Override
    public Integer call() throws Exception {
      var manifest = ResultSetCheck.baselineSource(results);
      if (!manifest.status().equals("complete")) {
        throw new UserInputException(
            results + " holds " + manifest.runs() + " of " + manifest.cells()
                + " runs (a shard?); merge the shards first, then update the baseline");
      }
      Path target = baselines.resolve(ResultFiles.experimentOf(results));
      OutputChecks.folder("--baselines", baselines);
      OutputChecks.none(Baseline.problem(target));
      List<Path> kept = Baseline.write(results, target);
      System.out.println("baseline: " + target + " (" + manifest.runs() + " runs)");
      OutputChecks.kept(kept).ifPresent(System.out::println);
      return ExitCodes.OK;
    }
  }
}
