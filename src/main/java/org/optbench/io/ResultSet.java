package org.optbench.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * A result set read back from {@code results/<experiment>/}.
 *
 * <p>Column types are fixed by {@link StepsTable#SCHEMA} and {@link RunsTable#SCHEMA}, whatever the
 * values look like: ids and labels are string columns, {@code seed} and byte counts long columns,
 * {@code step} an int column, flags boolean columns, measurements double columns with NaN where a
 * cell is empty.
 *
 * @param dir the folder it was read from
 * @param manifest what produced it
 * @param steps {@code steps.csv}, one row per run and step
 * @param runs {@code runs.csv}, one row per run
 * @param samples {@code samples.csv} (language-model text), empty when no run wrote any
 */
public record ResultSet(Path dir, Manifest manifest, Table steps, Table runs, Table samples) {

  /**
   * Reads the result set in {@code dir}.
   *
   * @throws FileNotFoundException naming the folder and what it lacks
   * @throws IllegalArgumentException when a file lacks columns
   */
  public static ResultSet read(Path dir) throws IOException {
    checkFolder(dir);
    Manifest manifest = ManifestJson.read(dir.resolve(ResultFiles.MANIFEST));
    Table steps = Csv.read(dir.resolve(ResultFiles.STEPS), StepsTable.SCHEMA);
    Table runs = Csv.read(dir.resolve(ResultFiles.RUNS), RunsTable.SCHEMA);
    Path samplesFile = dir.resolve(ResultFiles.SAMPLES);
    Table samples =
        Files.isRegularFile(samplesFile)
            ? Csv.read(samplesFile, SamplesTable.SCHEMA)
            : SamplesTable.SCHEMA.emptyTable(ResultFiles.SAMPLES);
    return new ResultSet(dir, manifest, steps, runs, samples);
  }

  /**
   * Fails unless {@code dir} is a published result set with its three files.
   *
   * @throws FileNotFoundException naming the folder and what it lacks
   */
  static void checkFolder(Path dir) throws FileNotFoundException {
    if (!Files.isDirectory(dir)) {
      throw new FileNotFoundException(dir + " does not exist or is not a folder");
    }
    if (ResultFiles.isStaging(dir)) {
      throw new FileNotFoundException(
          dir
              + " is a result set still being written, or left by an interrupted run;"
              + " read the folder it is published as instead");
    }
    List<String> missing =
        List.of(ResultFiles.STEPS, ResultFiles.RUNS, ResultFiles.MANIFEST).stream()
            .filter(name -> !Files.isRegularFile(dir.resolve(name)))
            .toList();
    if (!missing.isEmpty()) {
      throw new FileNotFoundException(
          dir
              + " has no "
              + String.join(", ", missing)
              + " — is it a results folder written by `optbench run`?");
    }
  }

  /** The experiment's name, from the manifest. */
  public String experiment() {
    return manifest.experiment();
  }
}
