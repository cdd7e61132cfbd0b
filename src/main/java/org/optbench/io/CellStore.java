package org.optbench.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.optbench.metrics.RunResult;
import org.optbench.metrics.RunSummary;
import org.optbench.spec.Cell;
import tech.tablesaw.api.Table;

/**
 * The durable work folder of one experiment, {@code results/.<experiment>.cells/}: every finished
 * run as small part files, kept across invocations so that a later {@code run} of the same cells
 * reuses them instead of training again.
 *
 * <pre>
 * results/.quickstart.cells/
 *   lock                        held by the optbench process running the experiment ({@link WorkLock})
 *   worker-4242-91230912.yaml   the spec as worker processes read it, while they run
 *   runs/3f2a9c01b7de.steps.parquet the run's steps.parquet rows ({@link StepsParquet})
 *   runs/3f2a9c01b7de.sample.csv its text samples (language models only)
 *   runs/3f2a9c01b7de.run.csv   its runs.csv row
 *   runs/3f2a9c01b7de.key       its content key, written last: the run is complete iff this exists
 * </pre>
 *
 * <p>Each file is written atomically, and the key file is removed before a run's parts are
 * replaced and written after them, so a process killed at any instant leaves every run either
 * complete (key present and matching) or absent: a rerun trains it again and never sees half a
 * run. Runs are named by {@link Cell#runId()}; different processes may write different runs into
 * the same store at once.
 */
public final class CellStore {

  static final String PARTS = "runs";
  static final String STEPS_PART = ".steps.parquet";
  /** The steps part of stores written before Parquet; {@link #upgradeSteps} converts it. */
  static final String CSV_STEPS_PART = ".steps.csv";
  static final String SAMPLE_PART = ".sample.csv";
  static final String RUN_PART = ".run.csv";
  private static final String KEY_PART = ".key";
  private static final String SUFFIX = ".cells";
  private static final Pattern SPEC_COPY = Pattern.compile("worker-(\\d{1,18})-\\d+\\.yaml");

  private final Path dir;
  private final String experiment;

  private CellStore(Path dir, String experiment) {
    this.dir = dir;
    this.experiment = experiment;
  }

  /** The store's folder for {@code experiment} under {@code resultsRoot}; nothing is created. */
  public static Path folder(Path resultsRoot, String experiment) {
    return resultsRoot.resolve("." + ResultFiles.checkExperimentName(experiment) + SUFFIX);
  }

  /** The store of {@code experiment} under {@code resultsRoot}, created if absent. */
  public static CellStore open(Path resultsRoot, String experiment) throws IOException {
    Path dir = folder(resultsRoot, experiment);
    Files.createDirectories(dir.resolve(PARTS));
    return new CellStore(dir, experiment);
  }

  /** The store's folder. */
  public Path dir() {
    return dir;
  }

  /** The experiment whose runs this store holds. */
  public String experiment() {
    return experiment;
  }

  /**
   * A fresh name for the copy of the spec that worker processes read, {@code
   * worker-<pid>-<nanos>.yaml} in this folder: beside the experiment's other work files, and named
   * by the process that writes it, so that a copy left by a killed process can be recognised as
   * stale ({@link Leftovers}). Nothing is created.
   */
  public Path workerSpecCopy() {
    return dir.resolve("worker-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".yaml");
  }

  /** The process id in {@code name} when it names a {@link #workerSpecCopy}, or empty. */
  static OptionalLong ownerOfSpecCopy(String name) {
    Matcher m = SPEC_COPY.matcher(name);
    return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  /** Whether the run {@code runId} is complete here with content key {@code key}. */
  public boolean has(String runId, String key) {
    try {
      return Files.readString(part(runId, KEY_PART), StandardCharsets.UTF_8).strip().equals(key);
    } catch (NoSuchFileException absent) {
      return false;
    } catch (IOException unreadable) {
      return false;
    }
  }

  /**
   * Loads the code that formats a run's parts, so that the first {@link #put} does not pay for it
   * (see {@code Csv.loadWriter}); call it off the critical path, e.g. while the engine loads.
   */
  public static void loadWriter() {
    Csv.loadWriter();
  }

  /** Stores a finished run under content key {@code key}, replacing any earlier version. */
  public void put(RunResult run, String key) throws IOException {
    Table samples = run.artifacts().samples().isEmpty()
        ? null
        : SamplesTable.of(experiment, run);
    replace(run.summary().cell().runId(), RunsTable.of(experiment, run),
        StepsTable.of(experiment, run), samples, key);
  }

  /**
   * Stores a run given as its tables (one {@code runs.csv} row, its steps and samples), as read
   * from a published result set; used to merge shards.
   */
  void put(String runId, Table run, Table steps, Table samples, String key) throws IOException {
    replace(runId, run, steps, samples.rowCount() == 0 ? null : samples, key);
  }

  /**
   * Replaces a run's parts: the key goes first, the parts are written together (each atomically,
   * their folder forced once), and the key is written last.
   *
   * @param samples the run's text samples, or null when it has none
   */
  private void replace(String runId, Table run, Table steps, Table samples, String key)
      throws IOException {
    Files.deleteIfExists(part(runId, KEY_PART));
    // The steps go through DuckDB, which writes its own file (atomically: StepsParquet); an
    // earlier version's CSV part of the run is dropped once the Parquet part is complete.
    StepsParquet.write(steps, part(runId, STEPS_PART));
    Files.deleteIfExists(part(runId, CSV_STEPS_PART));
    Map<Path, IoConsumer<Path>> parts = new LinkedHashMap<>();
    if (samples == null) {
      Files.deleteIfExists(part(runId, SAMPLE_PART));
    } else {
      parts.put(part(runId, SAMPLE_PART), Csv.filler(samples));
    }
    parts.put(part(runId, RUN_PART), Csv.filler(run));
    AtomicFiles.writeAll(parts);
    AtomicFiles.writeString(part(runId, KEY_PART), key + "\n");
  }

  /**
   * Stores every run of a published result set, each under the key {@code keyOf} gives its run id
   * (used by {@code merge} to combine shards).
   *
   * @return the run ids stored, in file order
   */
  public java.util.List<String> importRuns(
      ResultSet results, java.util.function.Function<String, String> keyOf) throws IOException {
    return importRuns(results, id -> true, keyOf);
  }

  /** {@link #importRuns(ResultSet, java.util.function.Function)} for the runs {@code which} accepts. */
  public java.util.List<String> importRuns(ResultSet results,
      java.util.function.Predicate<String> which, java.util.function.Function<String, String> keyOf)
      throws IOException {
    java.util.List<String> ids = new java.util.ArrayList<>();
    Table runs = results.runs();
    for (int row = 0; row < runs.rowCount(); row++) {
      String id = runs.stringColumn("run_id").get(row);
      if (!which.test(id)) {
        continue;
      }
      put(
          id,
          runs.rows(row),
          results.steps().where(results.steps().stringColumn("run_id").isEqualTo(id)),
          results.samples().where(results.samples().stringColumn("run_id").isEqualTo(id)),
          keyOf.apply(id));
      ids.add(id);
    }
    return ids;
  }

  /**
   * The summary of {@code cell}'s stored run, or empty when none is complete. (Whatever its content
   * key: callers that need the key checked use {@link #has} first.)
   */
  public java.util.Optional<RunSummary> find(Cell cell) {
    if (!Files.exists(part(cell.runId(), KEY_PART))) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(summary(cell));
  }

  /**
   * The summary of the stored run of {@code cell}, read back from its {@code runs.csv} row. Its
   * steps part, which is published as it is, is checked to be a whole file with the right
   * header; its rows are checked when the published result set is read.
   *
   * @throws ResultSetException when either file is damaged; the message says to drop the run
   */
  public RunSummary summary(Cell cell) {
    Path file = part(cell.runId(), RUN_PART);
    String fix = Remedies.forStoredRun(part(cell.runId(), KEY_PART));
    checkSteps(cell.runId(), fix);
    ReadTable read = CsvTableReader.read(file, RunsTable.SCHEMA, ReadLimits.TABLE_BYTES, fix);
    RunsCheck.rows(read, fix);
    Table row = read.table();
    if (row.rowCount() != 1 || !row.stringColumn("run_id").get(0).equals(cell.runId())) {
      throw new ResultSetException(
          file, "should hold the one row of run " + cell.runId() + "; " + fix);
    }
    return new RunSummary(
        cell,
        row.intColumn("steps_done").get(0),
        row.doubleColumn("final_loss").getDouble(0),
        row.doubleColumn("best_loss").getDouble(0),
        row.doubleColumn("final_eval_loss").getDouble(0),
        row.doubleColumn("final_accuracy").getDouble(0),
        row.booleanColumn("diverged").get(0),
        row.intColumn("diverged_step").isMissing(0) ? -1 : row.intColumn("diverged_step").getInt(0),
        row.doubleColumn("steps_per_second").getDouble(0),
        row.doubleColumn("wall_seconds").getDouble(0),
        row.longColumn("param_count").get(0),
        row.longColumn("param_bytes").get(0),
        row.longColumn("optimizer_state_bytes").get(0),
        row.doubleColumn("clipped_fraction").getDouble(0),
        row.doubleColumn("final_loss_avg").getDouble(0),
        row.doubleColumn("eval_seconds").getDouble(0),
        row.doubleColumn("warmup_seconds").getDouble(0));
  }

  /**
   * Converts the steps part of a run stored by an earlier version ({@code .steps.csv}) to {@code
   * .steps.parquet}, so that a result set built from this store is all Parquet. The Parquet part
   * is complete before the CSV part goes, so a kill at any instant leaves one of them whole.
   */
  void upgradeSteps(String runId) throws IOException {
    Path csv = part(runId, CSV_STEPS_PART);
    if (Files.isRegularFile(part(runId, STEPS_PART)) || !Files.isRegularFile(csv)) {
      return;
    }
    String fix = Remedies.forStoredRun(part(runId, KEY_PART));
    Table steps =
        CsvTableReader.read(csv, StepsTable.READ, ReadLimits.STEPS_BYTES, fix).table();
    StepsParquet.write(steps, part(runId, STEPS_PART));
    Files.delete(csv);
  }

  /**
   * Checks the run's steps part, which is published as it is, to be a whole file with the
   * columns optbench writes; its rows are checked when the published result set is read.
   */
  private void checkSteps(String runId, String fix) {
    Path parquet = part(runId, STEPS_PART);
    if (!Files.exists(parquet) && Files.exists(part(runId, CSV_STEPS_PART))) {
      checkHeader(part(runId, CSV_STEPS_PART), StepsTable.READ, fix);
      return;
    }
    StepsParquet.checkFile(parquet, fix);
  }

  private static void checkHeader(Path file, ColumnSchema schema, String fix) {
    FileCheck.csvFile(file, ReadLimits.STEPS_BYTES, fix);
    String first;
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      first = in.readLine();
    } catch (IOException e) {
      throw FileCheck.unreadable(file, e, fix);
    }
    java.util.List<String> names = first == null ? java.util.List.of()
        : java.util.List.of(first.split(",", -1));
    if (!names.containsAll(schema.required())) {
      throw new ResultSetException(file, "does not start with the header optbench writes; " + fix);
    }
  }

  Path part(String runId, String suffix) {
    return dir.resolve(PARTS).resolve(runId + suffix);
  }
}
