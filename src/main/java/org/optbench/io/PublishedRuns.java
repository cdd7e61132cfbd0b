package org.optbench.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import tech.tablesaw.api.Table;

/** Light reads of a published result set that need neither its steps nor its samples. */
public final class PublishedRuns {

  private PublishedRuns() {}

  /** The manifest of the result set in {@code dir}. */
  public static Manifest manifest(Path dir) throws IOException {
    return ManifestJson.read(dir.resolve(ResultFiles.MANIFEST));
  }

  /** {@code dir/runs.csv} with its fixed column types. */
  public static Table runs(Path dir) throws IOException {
    return Csv.read(dir.resolve(ResultFiles.RUNS), RunsTable.SCHEMA);
  }

  /** {@code dir/steps.csv} with its fixed column types. */
  public static Table steps(Path dir) throws IOException {
    return Csv.read(dir.resolve(ResultFiles.STEPS), StepsTable.SCHEMA);
  }

  /** Writes {@code table} as CSV to {@code target} atomically, in the format of result files. */
  public static void writeCsv(Table table, Path target) throws IOException {
    Csv.write(table, target);
  }

  /** The run ids of {@code dir/runs.csv}, in file order. */
  public static Set<String> runIds(Path dir) throws IOException {
    Table runs = Csv.read(dir.resolve(ResultFiles.RUNS), RunsTable.SCHEMA);
    return new LinkedHashSet<>(runs.stringColumn("run_id").asList());
  }
}
