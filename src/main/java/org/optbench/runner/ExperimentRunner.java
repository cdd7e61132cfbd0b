package org.optbench.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.optbench.io.CellStore;
import org.optbench.claims.ClaimResult;
import org.optbench.claims.ClaimsFile;
import org.optbench.io.CommitResult;
import org.optbench.io.ResultSet;
import org.optbench.io.ResultSetWriter;
import org.optbench.metrics.RunEnvironment;
import org.optbench.metrics.RunSummary;
import org.optbench.io.Leftovers;
import org.optbench.io.OutputLocations;
import org.optbench.io.WorkLock;
import org.optbench.report.ReportBuilder;
import org.optbench.report.ReportFolder;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.spec.CrossCheckMode;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.SafeNames;
import org.optbench.workload.Workload;
import org.optbench.workload.Workloads;

/**
 * Trains every cell of a spec (through a {@link WorkerPool}: in grid order in this JVM, or in
 * several JVMs at once), writes the result set in grid order, then builds its report.
 *
 * <p>Every finished run is kept in the experiment's {@link CellStore} at once, so an interrupted
 * grid loses at most the runs in progress, and a cell whose {@link CellKey content key} is already
 * stored is reused rather than trained again. The result set is published only when every cell of
 * the grid (or shard) is present, so a report never reads a half-written one; an earlier result set
 * is replaced only when the new one reproduces all its rows, and otherwise moved aside.
 */
public final class ExperimentRunner {

  private final RunOptions options;
  private final GridOptions grid;

  public ExperimentRunner(RunOptions options) {
    this(options, GridOptions.defaults());
  }

  public ExperimentRunner(RunOptions options, GridOptions grid) {
    this.options = options;
    this.grid = grid;
  }

  public ExperimentOutcome run(ExperimentSpec spec) throws IOException {
    CellStore store = CellStore.open(options.resultsRoot(), spec.name());
    try (WorkLock lock = WorkLock.tryAcquire(store.dir())) {
      removeLeftovers(spec.name(), lock);
      return run(spec, store);
    }
  }

  /**
   * Removes the staging folders, temporary files and worker spec copies that killed runs of
   * {@code experiment} left, when {@code lock} proves that no other run of it is under way here.
   */
  private void removeLeftovers(String experiment, WorkLock lock) throws IOException {
    if (!lock.held()) {
      grid.log().printf("%s: another optbench is running this experiment in %s; leftovers of"
          + " interrupted runs are left for it%n", experiment, options.resultsRoot());
      return;
    }
    List<Path> removed = Leftovers.remove(options.resultsRoot(), experiment,
        ReportFolder.inRoot(options.reportsRoot(), experiment).folders());
    if (!removed.isEmpty()) {
      grid.log().printf("%s: removed %d leftover(s) of interrupted runs whose process is gone: %s%n",
          experiment, removed.size(),
          removed.stream().map(Path::toString).collect(Collectors.joining(", ")));
    }
  }

  private ExperimentOutcome run(ExperimentSpec spec, CellStore store) throws IOException {
    List<Cell> firstPhase = grid.shard().select(spec.cells());
    Map<String, String> keys = new HashMap<>();
    List<Cell> todo = new ArrayList<>();
    Map<String, RunSummary> known = new HashMap<>();
    Phase first = train(spec, store, firstPhase, null, keys, todo, known);
    // A tuned grid's second phase: each study's selected trial, rerun on the spec's seeds.
    List<Cell> cells = TunedGrid.withReruns(spec, firstPhase, store::find);
    List<Cell> reruns = cells.stream().filter(c -> !keys.containsKey(c.runId())).toList();
    if (!reruns.isEmpty()) {
      train(spec, store, reruns, first.environment(), keys, todo, known);
    }
    RunEnvironment environment = first.environment();
    Instant started = first.started();
    List<RunSummary> summaries = new ArrayList<>();
    ResultSetWriter writer = ResultSetWriter.open(options.resultsRoot(), spec.name());
    Map<Component, Workload> workloads = new HashMap<>();
    CrossCheckMode crossCheck = CrossCheckMode.of(spec);
    CommitResult commit;
    try {
      for (Cell cell : cells) {
        // Runs trained or checked earlier in this process are not read again; the others (runs a
        // worker process stored) are read with every check of a stored run.
        RunSummary summary = known.get(cell.runId());
        if (summary == null) {
          summary = store.summary(cell);
        }
        writer.adopt(store, cell.runId(), summary.diverged());
        summaries.add(summary);
        // Cross-checks are diagnostics of the code as it is now: run for every cell, reused or not.
        CrossChecks.after(crossCheck, cell,
            workloads.computeIfAbsent(cell.workload(), Workloads::create), writer);
      }
      Set<String> reused = new HashSet<>(keys.keySet());
      todo.forEach(cell -> reused.remove(cell.runId()));
      writer.replaceIf(previous -> Republish.reproduces(previous, spec, environment, reused));
      commit = writer.commit(spec, environment, started, Instant.now());
    } catch (IOException | RuntimeException | Error e) {
      writer.abort();
      throw e;
    }
    double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
    List<ClaimResult> claims =
        spec.claims().isEmpty()
            ? List.of()
            : ClaimsFile.evaluateAndWrite(ResultSet.read(commit.published()), spec.claims());
    ReportFolder reportFolder =
        ReportFolder.inRoot(options.reportsRoot(), spec.name()).withPlotly(options.plotly());
    long reportStart = System.nanoTime();
    Path report = ReportBuilder.build(commit.published(), reportFolder);
    double reportSeconds = (System.nanoTime() - reportStart) / 1e9;
    List<Path> kept = new ArrayList<>(commit.kept());
    kept.addAll(reportFolder.foreignFiles());
    Set<String> trained = new HashSet<>();
    todo.forEach(cell -> trained.add(cell.runId()));
    RunTimes times = RunTimes.of(
        summaries.stream().filter(s -> trained.contains(s.cell().runId())).toList(),
        seconds, reportSeconds, grid.workers());
    return new ExperimentOutcome(commit.published(), commit.archivedPrevious(), report, summaries,
        seconds, claims, kept, times);
  }

  /** When a grid's first phase started, and the environment its content keys were made for. */
  private record Phase(RunEnvironment environment, Instant started) {}

  /**
   * Trains those of {@code cells} that are not complete with their content key, adding every
   * cell's key to {@code keys}, the trained ones to {@code todo}, and the summaries this process
   * read or trained to {@code known}.
   *
   * @param environment the environment of an earlier phase, or null to determine it
   */
  private Phase train(ExperimentSpec spec, CellStore store, List<Cell> cells,
      RunEnvironment environment, Map<String, String> keys, List<Cell> todo,
      Map<String, RunSummary> known) throws IOException {
    List<Cell> mine = new ArrayList<>();
    Instant started;
    // Worker JVMs start first, so that their start overlaps with this one loading its engine and
    // computing content keys; should every cell turn out complete already, they exit unused.
    try (WorkerPool pool =
        WorkerPool.start(spec, cells, store, options.threads(), grid.workers(), grid.log())) {
      if (environment == null) {
        // Every content key needs the digest of the compiled classes (a read of all of them):
        // computed while the engine loads rather than after.
        CompletableFuture<String> code = CompletableFuture.supplyAsync(CodeVersion::current);
        environment = RunEnvironments.current(options.threads());
        code.join();
      }
      started = Instant.now();
      for (Cell cell : cells) {
        String key = CellKey.of(cell, environment);
        keys.put(cell.runId(), key);
        if (grid.force() || !store.has(cell.runId(), key)) {
          mine.add(cell);
        } else {
          // A damaged stored run fails here, before anything is trained.
          known.put(cell.runId(), store.summary(cell));
        }
      }
      if (mine.size() < cells.size()) {
        grid.log().printf(
            "%s: %d of %d runs already complete with the same content key, reused (--force reruns them)%n",
            spec.name(), cells.size() - mine.size(), cells.size());
      }
      try (ProgressDisplay progress = progress(spec.name(), mine)) {
        pool.train(mine, keys, progress);
      }
      known.putAll(pool.trainedHere());
    }
    todo.addAll(mine);
    return new Phase(environment, started);
  }

  /**
   * What stops a run of {@code experiment} from writing its work folder and its report, or empty.
   * Checked before anything trains, so that a bad {@code --reports} is not found only after the
   * whole grid has trained. (An earlier result set at {@code results/<experiment>} is no problem:
   * it is moved aside or replaced, see {@link ResultSetWriter}.)
   */
  public static Optional<String> outputProblem(RunOptions options, String experiment) {
    Optional<String> name = SafeNames.problem(experiment).map(p -> "experiment name: " + p);
    if (name.isPresent()) {
      return name;
    }
    Path resultSet = options.resultsRoot().resolve(experiment).toAbsolutePath().normalize();
    Path reportsRoot = options.reportsRoot().toAbsolutePath().normalize();
    Path report = reportsRoot.resolve(experiment);
    if (reportsRoot.startsWith(resultSet) || report.startsWith(resultSet)
        || resultSet.startsWith(report)) {
      return Optional.of("the report of '" + experiment + "' would go to " + report
          + ", which overlaps its result set " + resultSet + "; pass --reports DIR outside it");
    }
    return OutputLocations.folderProblem(CellStore.folder(options.resultsRoot(), experiment))
        .or(() -> ReportFolder.inRoot(options.reportsRoot(), experiment)
            .withPlotly(options.plotly()).problem());
  }

  private ProgressDisplay progress(String name, List<Cell> cells) {
    return ProgressDisplay.of(options.progress(), name, cells, System.console() != null,
        System.err, System::nanoTime);
  }

  /** The table of seed means and their intervals printed after a run. */
  public static String summary(String experiment, List<RunSummary> runs) {
    return SummaryTable.text(experiment, runs);
  }
}
