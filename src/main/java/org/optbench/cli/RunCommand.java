package org.optbench.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.optbench.claims.VerdictTable;
import org.optbench.engine.djl.DjlOffline;
import org.optbench.engine.djl.LibtorchPlatform;
import org.optbench.runner.ExperimentOutcome;
import org.optbench.runner.ExperimentRunner;
import org.optbench.runner.ProgressMode;
import org.optbench.runner.ProgressSettings;
import org.optbench.runner.RunOptions;
import org.optbench.runner.TunedGrid;
import org.optbench.spec.Cell;
import org.optbench.spec.ExperimentSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run SPEC...}: trains every cell of every spec, writes results and reports. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Expand each spec's grid, train every cell, write results/<experiment>/ and "
        + "reports/<experiment>/index.html. Cells already complete with the same content key "
        + "(results/.<experiment>.cells/) are reused, so an interrupted grid resumes. An earlier "
        + "result set is replaced only when every row of it is reproduced; otherwise it is moved to "
        + "results/<experiment>.<its start time>/, never overwritten.")
final class RunCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "SPEC", description = "experiment YAML files")
  List<Path> specs;

  @Option(names = "--out", paramLabel = "DIR",
      description = "results root (default: results)")
  Path out;

  @Option(names = "--reports", paramLabel = "DIR",
      description = "reports root (default: reports/ beside a results root named results, else"
          + " DIR/reports for --out DIR, so that a run sent elsewhere writes nothing into"
          + " reports/)")
  Path reports;

  @Option(names = "--plotly", paramLabel = "WHERE", defaultValue = "inline",
      description = "inline: each report is one HTML file that opens from any folder (plotly"
          + " inside, 3.2 MB); shared: one plotly-*.js in the reports root for all its reports"
          + " (default: ${DEFAULT-VALUE})")
  String plotly;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
      description = "libtorch intra-op threads; 1 makes runs bit-reproducible (default: ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--no-progress", description = "show no progress (as --progress none)")
  boolean noProgress;

  @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
      description = "auto (a bar on a terminal, lines otherwise), bar, lines or none"
          + " (default: ${DEFAULT-VALUE})")
  String progress;

  @Option(names = "--progress-every", paramLabel = "SECONDS", defaultValue = "30",
      description = "seconds between two progress lines (default: ${DEFAULT-VALUE})")
  int progressEvery;

  @Option(names = "--fail-on-claims",
      description = "exit 1 when a claim of the spec's expect: section is not reproduced")
  boolean failOnClaims;

  @picocli.CommandLine.Mixin GridFlags gridFlags = new GridFlags();

  private ProgressSettings progressSettings() {
    ProgressMode mode;
    try {
      mode = ProgressMode.valueOf(progress.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--progress is auto, bar, lines or none, got '" + progress
          + "'");
    }
    if (progressEvery < 1) {
      throw new UserInputException("--progress-every must be at least 1 second, got "
          + progressEvery);
    }
    if (noProgress && mode != ProgressMode.AUTO && mode != ProgressMode.NONE) {
      throw new UserInputException("--no-progress contradicts --progress " + progress
          + "; give one of them");
    }
    return new ProgressSettings(noProgress ? ProgressMode.NONE : mode,
        java.time.Duration.ofSeconds(progressEvery));
  }

  /**
   * Where reports go without --reports: {@code reports/} beside a results root named {@code
   * results} (the default layout, also for {@code --out /scratch/x/results}); inside any other
   * results root, so that a run sent elsewhere (a shard's own folder) writes nothing into the
   * working directory's reports.
   */
  static Path defaultReports(Path resultsRoot) {
    Path name = resultsRoot.toAbsolutePath().normalize().getFileName();
    if (name != null && name.toString().equals("results")) {
      Path parent = resultsRoot.normalize().getParent();
      return parent == null ? Path.of("reports") : parent.resolve("reports");
    }
    return resultsRoot.resolve("reports");
  }

  @Override
  public Integer call() throws Exception {
    if (threads < 1) {
      throw new UserInputException("--threads must be at least 1, got " + threads);
    }
    List<ExperimentSpec> parsed = SpecFiles.parseAll(specs);
    LibtorchPlatform.require();
    Path resultsRoot = out != null ? out : Path.of("results");
    Path reportsRoot = reports != null ? reports : defaultReports(resultsRoot);
    OutputChecks.folder("--out", resultsRoot);
    OutputChecks.folder("--reports", reportsRoot);
    RunOptions options = new RunOptions(resultsRoot, reportsRoot, threads, progressSettings(),
        PlotlyOption.parse(plotly));
    for (ExperimentSpec spec : parsed) {
      OutputChecks.none(ExperimentRunner.outputProblem(options, spec.name()));
    }
    DjlOffline.threads(threads);
    ExperimentRunner runner = new ExperimentRunner(options, gridFlags.options());
    long contradicted = 0;
    // The first spec's time counts from the JVM's start: start-up is part of what a run costs.
    long specStartMillis = 0;
    for (ExperimentSpec spec : parsed) {
      var grid = gridFlags.options();
      int planned = spec.plannedRuns();
      List<Cell> first = grid.shard().select(spec.cells());
      java.util.Set<String> units = new java.util.HashSet<>();
      first.forEach(c -> units.add(TunedGrid.unit(c)));
      int mine = first.size() + (int) spec.rerunStandIns().stream()
          .filter(c -> units.contains(TunedGrid.unit(c))).count();
      System.out.printf("%s: %d runs of %d steps%s%s%n", spec.name(), mine, spec.steps(),
          grid.shard().count() > 1 ? " (shard " + grid.shard() + " of " + planned + ")" : "",
          spec.tuning().active() ? " (" + (planned - spec.rerunStandIns().size())
              + " tuning trials, then the selected settings rerun on each seed)" : "");
      ExperimentOutcome outcome = runner.run(spec);
      System.out.println(ExperimentRunner.summary(spec.name(), outcome.runs()));
      outcome.archivedPrevious().ifPresent(
          previous -> System.out.println("earlier results moved to " + previous));
      OutputChecks.kept(outcome.kept()).ifPresent(System.out::println);
      System.out.printf(
          "%d runs (%d diverged) in %.1f s%nresults: %s%nreport:  %s%n",
          outcome.runs().size(), outcome.divergedRuns(), outcome.wallSeconds(),
          outcome.results(), outcome.report());
      long now = ManagementFactory.getRuntimeMXBean().getUptime();
      System.out.println(
          outcome.times().line(outcome.runs().size(), (now - specStartMillis) / 1000.0));
      specStartMillis = now;
      if (!outcome.claims().isEmpty()) {
        System.out.println("claims:");
        System.out.print(VerdictTable.console(outcome.claims()));
      }
      contradicted += outcome.claimsNotReproduced();
    }
    if (failOnClaims && contradicted > 0) {
      System.err.println(contradicted + " claim(s) not reproduced");
      return ExitCodes.FAILURE;
    }
    return ExitCodes.OK;
  }
}
