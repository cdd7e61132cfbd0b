package org.optbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.optbench.benchmark.Benchmark;
import org.optbench.benchmark.BenchmarkReader;
import org.optbench.io.ResultSeries;
import org.optbench.report.BenchmarkTables;
import org.optbench.report.ReportTable;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.SpecException;
import org.optbench.spec.SpecParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code score RESULTS_DIR}: the scores of a tuned benchmark, computed from its result set alone
 * and printed as Markdown tables (the same tables the report shows and exports).
 */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = "Print the scores of a tuned benchmark (targets, performance-profile score,"
        + " speed-ups, IQM and probability of improvement, time to target) from its result set.")
final class ScoreCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "e.g. results/benchmark")
  Path results;

  @Option(names = "--budget", description = "also print the expected best of k trials")
  boolean budget;

  @Option(names = "--targets-from", paramLabel = "BASELINE_DIR",
      description = "set the derived targets (target: {from: OPT}) from the reruns of OPT in this"
          + " result set of the same workloads, e.g. a baseline run, as AlgoPerf sets its targets"
          + " from target-setting runs")
  Path targetsFrom;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(results)) {
      throw new UserInputException(results + ": no such results folder; pass a folder written"
          + " by `optbench run` or `optbench merge`, e.g. results/benchmark");
    }
    if (!Files.isRegularFile(results.resolve("manifest.json"))) {
      throw new UserInputException(results + ": no manifest.json, so not a complete result set"
          + " (an interrupted run leaves none); rerun the experiment with `optbench run`");
    }
    ResultSeries series = ResultSeries.read(results);
    ExperimentSpec spec;
    try {
      spec = SpecParser.parse(Path.of(series.manifest().specFile()),
          series.manifest().specText());
    } catch (SpecException e) {
      throw new UserInputException(results.resolve("manifest.json") + ": its spec no longer"
          + " parses (" + e.getMessage() + "); score it with the optbench version that wrote it");
    }
    ResultSeries targets = series;
    if (targetsFrom != null) {
      if (!Files.isRegularFile(targetsFrom.resolve("manifest.json"))) {
        throw new UserInputException("--targets-from " + targetsFrom + ": not a result set (no"
            + " manifest.json); pass a folder written by `optbench run` or `optbench merge`");
      }
      targets = ResultSeries.read(targetsFrom);
    }
    Benchmark b = BenchmarkReader.read(series, spec, targets).orElseThrow(() -> new UserInputException(
        results + ": experiment '" + spec.name() + "' tunes no optimizer, so there is nothing to"
            + " score; add tune: blocks and a tuning: section to its spec (docs/benchmarking.md)"));
    System.out.println("# " + b.experiment() + ": benchmark scores\n");
    print(BenchmarkTables.targets(b));
    if (b.workloads().isEmpty()) {
      System.out.println("No workload has a target, so nothing can be scored.");
      return ExitCodes.OK;
    }
    print(BenchmarkTables.scores(b));
    print(BenchmarkTables.times(b));
    if (budget) {
      print(BenchmarkTables.budget(b));
    }
    return ExitCodes.OK;
  }

  private static void print(ReportTable table) {
    System.out.println(table.markdown());
  }
}
