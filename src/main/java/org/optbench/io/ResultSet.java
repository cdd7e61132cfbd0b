package org.optbench.io;

import java.nio.file.Path;
import tech.tablesaw.api.Table;

/**
 * A result set read back from {@code results/<experiment>/}.
 *
 * <p>Column types are fixed by {@link StepsTable#SCHEMA} and {@link RunsTable#SCHEMA}, whatever the
 * values look like: ids and labels are string columns, {@code seed} and byte counts long columns,
 * {@code step} an int column, flags boolean columns, measurements double columns, NaN where the
 * file says {@code NaN} or the cell is empty.
 *
 * @param dir the folder it was read from
 * @param manifest what produced it
 * @param steps {@code steps.parquet} (or an earlier result set's {@code steps.csv}) as the table
 *     of {@link StepsTable#SCHEMA}, one row per run and step, labels joined from {@code runs.csv}
 * @param runs {@code runs.csv}, one row per run
 * @param samples {@code samples.csv} (language-model text), empty when no run wrote any
 */
public record ResultSet(Path dir, Manifest manifest, Table steps, Table runs, Table samples) {

  /**
   * Reads the result set in {@code dir}, checking every file before it is used (see {@link
   * ResultSetCheck}): the manifest's fields, each CSV cell's type, unique runs, step rows that
   * belong to listed runs and stay within their step counts, and counts that agree.
   *
   * @throws ResultSetException naming the file, the line or field, and the fix
   */
  public static ResultSet read(Path dir) {
    String fix = Remedies.RESULT_SET;
    ResultSetCheck.folder(dir);
    Manifest manifest = ManifestJson.read(dir.resolve(ResultFiles.MANIFEST), fix);
    ReadTable runs = RunsCheck.read(dir, manifest, fix);
    Table steps = StepsTableReader.read(ResultFiles.steps(dir), runs, fix);
    Table samples =
        ResultSetCheck.optionalTable(
                dir, ResultFiles.SAMPLES, SamplesTable.SCHEMA, RunsCheck.ids(runs), fix)
            .orElseGet(() -> SamplesTable.SCHEMA.emptyTable(ResultFiles.SAMPLES));
    return new ResultSet(dir, manifest, steps, runs.table(), samples);
  }

  /** The experiment's name, from the manifest. */
  public String experiment() {
    return manifest.experiment();
  }
}
