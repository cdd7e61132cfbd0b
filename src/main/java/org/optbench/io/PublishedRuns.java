package org.optbench.io;

import java.nio.file.Path;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * Light reads of a published result set or baseline that need neither its steps nor its samples.
 * Each file is checked as it is read (its kind, size, fields and cell types); {@link
 * ResultSetCheck} checks the files against each other.
 */
public final class PublishedRuns {

  private PublishedRuns() {}

  /** The manifest of the result set in {@code dir}. */
  public static Manifest manifest(Path dir) {
    ResultSetCheck.folder(dir);
    return ManifestJson.read(dir.resolve(ResultFiles.MANIFEST), Remedies.forFolder(dir));
  }

  /** {@code dir/runs.csv} with its fixed column types. */
  public static Table runs(Path dir) {
    return readRuns(dir).table();
  }

  /**
   * The step rows of {@code dir} ({@code steps.parquet}, or {@code steps.csv} of an earlier result
   * set) as the table of {@link StepsTable#SCHEMA}, checked against its {@code runs.csv}.
   */
  public static Table steps(Path dir) {
    String fix = Remedies.forFolder(dir);
    return StepsTableReader.read(ResultFiles.steps(dir), readRuns(dir), fix);
  }

  /** A baseline's {@code dir/targets.csv} ({@link TargetsTable}). */
  public static Table targets(Path dir) {
    return CsvTableReader.read(dir.resolve(TargetsTable.FILE), TargetsTable.SCHEMA,
            ReadLimits.TABLE_BYTES, Remedies.forFolder(dir))
        .table();
  }

  /** Writes {@code table} as CSV to {@code target} atomically, in the format of result files. */
  public static void writeCsv(Table table, Path target) throws java.io.IOException {
    Csv.write(table, target);
  }

  /** The run ids of {@code dir/runs.csv}, in file order; fails on a run listed twice. */
  public static Set<String> runIds(Path dir) {
    return RunsCheck.ids(readRuns(dir));
  }

  private static ReadTable readRuns(Path dir) {
    String fix = Remedies.forFolder(dir);
    ReadTable runs =
        CsvTableReader.read(
            dir.resolve(ResultFiles.RUNS), RunsTable.SCHEMA, ReadLimits.TABLE_BYTES, fix);
    RunsCheck.rows(runs, fix);
    return runs;
  }
}
