package org.optbench.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.optbench.metrics.RunEnvironment;
import org.optbench.metrics.RunResult;
import org.optbench.spec.ExperimentSpec;

/**
 * Builds a result set run by run and publishes it whole.
 *
 * <p>Runs go to a hidden staging folder, {@code results/.<experiment>.partial-<pid>-<nanos>/}, each
 * as small files under {@code runs/} written atomically as soon as the run ends: a crash loses
 * at most the run in progress and never leaves a truncated file. {@link #commit} joins the parts
 * into {@code steps.parquet} and {@code runs.csv}, writes {@code manifest.json} last, and only then
 * renames the staging folder to {@code results/<experiment>/}, moving any earlier result set of
 * that name aside first; or, when the new result set reproduces the earlier one, renames its files
 * over the earlier ones, leaving anything else in that folder where it is.
 *
 * <pre>{@code
 * ResultSetWriter out = ResultSetWriter.open(Path.of("results"), spec.name());
 * for (RunResult run : runs) out.add(run);
 * CommitResult where = out.commit(spec, environment, started, Instant.now());
 * }</pre>
 *
 * <p>Not thread-safe: workers hand their results to one writer.
 */
public final class ResultSetWriter {

  private static final String PARTS = "runs";
  private static final String STEPS_PART = CellStore.STEPS_PART;
  private static final String SAMPLE_PART = ".sample.csv";
  private static final String RUN_PART = ".run.csv";
  private static final String CROSSCHECK_PART = ".crosscheck.csv";

  private final Path root;
  private final String experiment;
  private final Path staging;
  private final List<String> runIds = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private int diverged;
  private boolean closed;
  private Predicate<Path> replaceable = previous -> false;

  private ResultSetWriter(Path root, String experiment, Path staging) {
    this.root = root;
    this.experiment = experiment;
    this.staging = staging;
  }

  /** Creates a fresh staging folder for {@code experiment} under {@code resultsRoot}. */
  public static ResultSetWriter open(Path resultsRoot, String experiment) throws IOException {
    ResultFiles.checkExperimentName(experiment);
    Files.createDirectories(resultsRoot);
    Path staging = resultsRoot.resolve(ResultFiles.stagingName(experiment));
    Files.createDirectories(staging.resolve(PARTS));
    return new ResultSetWriter(resultsRoot, experiment, staging);
  }

  /** The staging folder, where parts of an interrupted result set remain after a crash. */
  public Path staging() {
    return staging;
  }

  /** Runs added so far. */
  public int size() {
    return runIds.size();
  }

  /**
   * Writes one finished run. The run row is written after the step rows, so a run row on disk
   * always has its steps beside it.
   *
   * @throws IllegalArgumentException if a run with the same id was added before
   */
  public void add(RunResult run) throws IOException {
    checkOpen();
    String id = run.summary().cell().runId();
    if (!seen.add(id)) {
      throw new IllegalArgumentException(
          "run " + id + " (" + run.summary().cell().label() + ") was already added");
    }
    StepsParquet.write(StepsTable.of(experiment, run), part(id, STEPS_PART));
    if (!run.artifacts().samples().isEmpty()) {
      Csv.write(SamplesTable.of(experiment, run), part(id, SAMPLE_PART));
    }
    Csv.write(RunsTable.of(experiment, run), part(id, RUN_PART));
    runIds.add(id);
    if (run.summary().diverged()) {
      diverged++;
    }
  }

  /** Writes the cross-check of a run added before; {@link #commit} joins them into crosscheck.csv. */
  public void addCrossCheck(org.optbench.metrics.CrossCheckResult result) throws IOException {
    checkOpen();
    Csv.write(CrossCheckTable.of(experiment, result),
        part(result.cell().runId(), CROSSCHECK_PART));
  }

  /**
   * Adds a run already complete in {@code store} (see {@link CellStore}) by linking its parts into
   * this result set, or copying them where the file system has no hard links.
   *
   * @throws IllegalArgumentException if a run with the same id was added before
   */
  public void adopt(CellStore store, String runId, boolean runDiverged) throws IOException {
    checkOpen();
    if (!seen.add(runId)) {
      throw new IllegalArgumentException("run " + runId + " was already added");
    }
    store.upgradeSteps(runId);
    for (String suffix : List.of(STEPS_PART, SAMPLE_PART, RUN_PART)) {
      Path from = store.part(runId, suffix);
      if (Files.isRegularFile(from)) {
        linkOrCopy(from, part(runId, suffix));
      }
    }
    runIds.add(runId);
    if (runDiverged) {
      diverged++;
    }
  }

  /**
   * Lets {@link #commit} replace, instead of archive, an earlier result set (given as its folder)
   * that passes {@code test}: one whose every row the new result set reproduces (see README). It
   * is replaced in place, file by file; files optbench did not write stay in the folder.
   */
  public void replaceIf(Predicate<Path> test) {
    this.replaceable = test;
  }

  /**
   * Joins the runs (in the order added) into the result set, writes the manifest and publishes the
   * folder as {@code resultsRoot/<experiment>/}.
   *
   * @param started when the first run started
   * @param finished when the last run ended
   * @return the published folder, and where an earlier result set of the same name was moved
   */
  public CommitResult commit(
      ExperimentSpec spec, RunEnvironment env, Instant started, Instant finished)
      throws IOException {
    checkOpen();
    if (!spec.name().equals(experiment)) {
      throw new IllegalArgumentException(
          "spec '" + spec.name() + "' does not match result set '" + experiment + "'");
    }
    StepsParquet.concat(parts(STEPS_PART), staging.resolve(ResultFiles.STEPS_PARQUET));
    Csv.write(RunsTable.join(parts(RUN_PART), Remedies.forFolder(staging)),
        staging.resolve(ResultFiles.RUNS));
    List<Path> samples = parts(SAMPLE_PART);
    if (!samples.isEmpty()) {
      // Read, not copied as bytes: a part stored by an earlier version has the columns of schema
      // version 1, which reading upgrades.
      Csv.write(SamplesTable.join(samples, Remedies.forFolder(staging)),
          staging.resolve(ResultFiles.SAMPLES));
    }
    List<Path> crossChecks = parts(CROSSCHECK_PART);
    if (!crossChecks.isEmpty()) {
      Csv.concat(crossChecks, CrossCheckTable.SCHEMA, staging.resolve(CrossCheckTable.FILE));
    }
    Manifest manifest = Manifest.of(spec, env, started, finished, runIds.size(), diverged);
    ManifestJson.write(manifest, staging.resolve(ResultFiles.MANIFEST));
    deleteTree(staging.resolve(PARTS));

    Path target = root.resolve(experiment);
    if (replaceable(target)) {
      replaceFiles(target);
      closed = true;
      return new CommitResult(target, Optional.empty(),
          OutputLocations.foreignEntries(target, ResultFiles.OWN_FILES));
    }
    Optional<Path> archived = ResultArchive.moveAside(target);
    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    AtomicFiles.forceDirectory(root);
    closed = true;
    return new CommitResult(target, archived, List.of());
  }

  /**
   * Publishes the staged files into the existing result set {@code target}, file by file, each in
   * one rename over its old version, the manifest last. The folder itself stays, with whatever
   * else is in it (a user's notes): nothing there is moved or deleted. The new files reproduce
   * every row of the old ones (see {@link #replaceIf}), so a reader sees a complete result set at
   * every instant.
   */
  private void replaceFiles(Path target) throws IOException {
    List<Path> files;
    try (Stream<Path> staged = Files.list(staging)) {
      files = staged
          .sorted(Comparator.comparing((Path p) -> p.getFileName().toString().equals(ResultFiles.MANIFEST))
              .thenComparing(Path::getFileName))
          .toList();
    }
    for (Path file : files) {
      Files.move(file, target.resolve(file.getFileName()),
          StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
    // An earlier version's steps.csv (or an export of the old rows) no longer matches the
    // result set once steps.parquet replaced it; readers take steps.parquet first either way.
    Files.deleteIfExists(target.resolve(ResultFiles.STEPS));
    AtomicFiles.forceDirectory(target);
    Files.delete(staging);
  }

  /** Deletes the staging folder and everything in it; the writer cannot be used afterwards. */
  public void abort() throws IOException {
    closed = true;
    deleteTree(staging);
  }

  private boolean replaceable(Path target) {
    try {
      return Files.isDirectory(target) && replaceable.test(target);
    } catch (RuntimeException unreadable) {
      return false;
    }
  }

  private static void linkOrCopy(Path from, Path to) throws IOException {
    try {
      Files.createLink(to, from);
    } catch (UnsupportedOperationException | IOException noLinks) {
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private Path part(String runId, String suffix) {
    return staging.resolve(PARTS).resolve(runId + suffix);
  }

  private List<Path> parts(String suffix) {
    return runIds.stream().map(id -> part(id, suffix)).filter(Files::isRegularFile).toList();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(
          "result set " + staging + " was already committed or aborted");
    }
  }

  /** Deletes {@code dir} and everything in it; links are deleted, not followed. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
