package org.optbench.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tech.tablesaw.api.Table;

/**
 * A result set read for reporting: {@code runs.csv} and {@code samples.csv} as tables like {@link
 * ResultSet}, but {@code steps.csv} as per-run arrays ({@link StepSeries}), which reads a
 * multi-gigabyte file in seconds.
 *
 * @param dir the folder it was read from
 * @param manifest what produced it
 * @param steps the numeric columns of {@code steps.csv}, per run
 * @param runs {@code runs.csv}, one row per run
 * @param samples {@code samples.csv} (language-model text), empty when no run wrote any
 */
public record ResultSeries(
    Path dir, Manifest manifest, StepSeries steps, Table runs, Table samples) {

  /**
   * Reads the result set in {@code dir}.
   *
   * @throws FileNotFoundException naming the folder and what it lacks
   * @throws IllegalArgumentException when a file lacks columns
   */
  public static ResultSeries read(Path dir) throws IOException {
    ResultSet.checkFolder(dir);
    Manifest manifest = ManifestJson.read(dir.resolve(ResultFiles.MANIFEST));
    Table runs = Csv.read(dir.resolve(ResultFiles.RUNS), RunsTable.SCHEMA);
    Path samplesFile = dir.resolve(ResultFiles.SAMPLES);
    Table samples =
        Files.isRegularFile(samplesFile)
            ? Csv.read(samplesFile, SamplesTable.SCHEMA)
            : SamplesTable.SCHEMA.emptyTable(ResultFiles.SAMPLES);
    StepSeries steps = StepSeries.read(dir.resolve(ResultFiles.STEPS));
    return new ResultSeries(dir, manifest, steps, runs, samples);
  }

  /** The same data from a result set already read in full. */
  public static ResultSeries of(ResultSet results) {
    return new ResultSeries(
        results.dir(),
        results.manifest(),
        StepSeries.of(results.steps()),
        results.runs(),
        results.samples());
  }

  /** The experiment's name, from the manifest. */
  public String experiment() {
    return manifest.experiment();
  }
}
