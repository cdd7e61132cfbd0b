package org.optbench.io;

import java.nio.file.Path;
import java.util.Set;
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
   * Reads the result set in {@code dir}, checking every file first as {@link ResultSet#read}
   * does; the optional {@code crosscheck.csv} and {@code claims.csv}, which report sections read
   * later, are checked too, so that nothing is written for a damaged folder.
   *
   * @throws ResultSetException naming the file, the line or field, and the fix
   */
  public static ResultSeries read(Path dir) {
    String fix = Remedies.RESULT_SET;
    ResultSetCheck.folder(dir);
    Manifest manifest = ManifestJson.read(dir.resolve(ResultFiles.MANIFEST), fix);
    ReadTable runs = RunsCheck.read(dir, manifest, fix);
    Path stepsFile = ResultFiles.steps(dir);
    StepSeries steps = StepSeries.read(stepsFile, fix);
    StepRows.of(steps, stepsFile).check(runs, fix);
    Set<String> ids = RunsCheck.ids(runs);
    Table samples =
        ResultSetCheck.optionalTable(dir, ResultFiles.SAMPLES, SamplesTable.SCHEMA, ids, fix)
            .orElseGet(() -> SamplesTable.SCHEMA.emptyTable(ResultFiles.SAMPLES));
    ResultSetCheck.optionalTable(dir, CrossCheckTable.FILE, CrossCheckTable.SCHEMA, ids, fix);
    ResultSetCheck.optionalTable(dir, ClaimsTable.FILE, ClaimsTable.SCHEMA, null, fix);
    return new ResultSeries(dir, manifest, steps, runs.table(), samples);
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
