package org.optbench.runner;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optbench.claims.ClaimResult;
import org.optbench.claims.ClaimsFile;
import org.optbench.io.CommitResult;
import org.optbench.io.ResultSetWriter;
import org.optbench.metrics.RunEnvironment;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.RunResult;
import org.optbench.metrics.RunSummary;
import org.optbench.report.ReportBuilder;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.spec.ExperimentSpec;
import org.optbench.workload.Workload;
import org.optbench.workload.Workloads;

/**
 * Runs every cell of a spec in grid order, writes the result set, then builds its report.
 *
 * <p>Results are staged run by run and published only when the whole grid has finished, so a
 * report never reads a half-written result set; an earlier result set of the same experiment is
 * moved aside, never overwritten.
 */
public final class ExperimentRunner {

  private final RunOptions options;

  public ExperimentRunner(RunOptions options) {
    this.options = options;
  }

  public ExperimentOutcome run(ExperimentSpec spec) throws IOException {
    List<Cell> cells = spec.cells();
    RunEnvironment environment = RunEnvironments.current(options.threads());
    Instant started = Instant.now();
    List<RunSummary> summaries = new ArrayList<>();
    ResultSetWriter writer = ResultSetWriter.open(options.resultsRoot(), spec.name());
    CommitResult commit;
    try (ProgressDisplay progress = progress(spec.name(), cells)) {
      RunListener listener = progress == null ? RunListener.NONE : progress;
      // One Workload per distinct workload point, so that its per-seed data is generated once
      // for all the optimizers that train on it.
      Map<Component, Workload> workloads = new HashMap<>();
      for (Cell cell : cells) {
        Workload workload = workloads.computeIfAbsent(cell.workload(), Workloads::create);
        RunResult result = Engines.forName(cell.engine()).train(cell, workload, listener);
        writer.add(result);
        CrossChecks.after(org.optbench.spec.CrossCheckMode.of(spec), cell, workload, writer);
        summaries.add(result.summary());
      }
      commit = writer.commit(spec, environment, started, Instant.now());
    } catch (IOException | RuntimeException | Error e) {
      writer.abort();
      throw e;
    }
    double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
    List<ClaimResult> claims =
        spec.claims().isEmpty()
            ? List.of()
            : ClaimsFile.evaluateAndWrite(commit.published(), spec.claims());
    var report =
        ReportBuilder.build(commit.published(), options.reportsRoot().resolve(spec.name()));
    return new ExperimentOutcome(
        commit.published(), commit.archivedPrevious(), report, summaries, seconds, claims);
  }

  private ProgressDisplay progress(String name, List<Cell> cells) {
    if (!options.progress()) {
      return null;
    }
    long total = cells.stream().mapToLong(Cell::steps).sum();
    return new ProgressDisplay(name, total);
  }

  /** The table of seed means printed after a run. */
  public static String summary(String experiment, List<RunSummary> runs) {
    return SummaryTable.of(experiment, runs).printAll();
  }
}
