package org.optbench.io;

import java.io.IOException;
import java.nio.file.Path;
import tech.tablesaw.api.Table;

/**
 * Writes a result set's step rows as {@code steps.csv}: the format earlier versions published,
 * one row per run and step with the run's labels on every row, for tools that want one flat text
 * file. The rows are read and checked as {@link ResultSet#read} reads them, and written at full
 * precision (NaN and ±Infinity as text), atomically.
 */
public final class StepsCsvExport {

  private StepsCsvExport() {}

  /**
   * @param dir a result set ({@code steps.parquet} or {@code steps.csv})
   * @param target the CSV file to write, e.g. {@code dir/steps.csv}
   * @return the rows written
   * @throws ResultSetException when the result set is damaged
   */
  public static int write(Path dir, Path target) throws IOException {
    Table steps = PublishedRuns.steps(dir);
    Csv.write(steps, target);
    return steps.rowCount();
  }
}
