package org.optbench.io;

import java.nio.file.Path;
import tech.tablesaw.api.Table;

/**
 * The step rows of a result set as one table of {@link StepsTable#SCHEMA}, from either format:
 * {@code steps.parquet} (labels joined from {@code runs.csv}) or {@code steps.csv}. Either way the
 * rows are checked against {@code runs.csv} ({@link StepRows}) before they are returned.
 */
final class StepsTableReader {

  private StepsTableReader() {}

  /**
   * @param file {@code steps.parquet} or {@code steps.csv} ({@link ResultFiles#steps})
   * @param runs the result set's {@code runs.csv}, already checked
   * @throws ResultSetException naming the file, the line or row, and {@code fix}
   */
  static Table read(Path file, ReadTable runs, String fix) {
    if (ResultFiles.isParquet(file)) {
      StepRows.of(StepSeries.read(file, fix), file).check(runs, fix);
      return StepsParquetTable.read(file, runs.table(), fix);
    }
    ReadTable steps = CsvTableReader.read(file, StepsTable.READ, ReadLimits.STEPS_BYTES, fix);
    StepRows.of(steps, fix).check(runs, fix);
    return StepsParquetTable.withLabels(steps.table(), runs.table());
  }
}
