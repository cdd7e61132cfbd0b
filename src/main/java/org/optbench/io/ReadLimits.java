package org.optbench.io;

/**
 * The largest files the readers of this package open. A damaged or hostile folder (a sparse
 * terabyte file, a file concatenated onto itself, a link to a device) must fail at once with a
 * message naming the file, before a parser fills memory or runs for hours.
 *
 * <p>Each cap is far above what optbench writes: a 990-run nightly {@code runs.csv} is 0.6 MB and
 * a 500-run × 10,000-step {@code steps.csv} about 2 GB (docs/reports.md).
 */
final class ReadLimits {

  /** {@code manifest.json}: the spec text dominates, a few kilobytes for the shipped specs. */
  static final long MANIFEST_BYTES = 16L << 20;

  /**
   * Files read whole into a table: {@code runs.csv}, {@code samples.csv}, {@code claims.csv},
   * {@code crosscheck.csv}, a baseline's {@code targets.csv} and the cell store's run parts.
   */
  static final long TABLE_BYTES = 1L << 30;

  /** {@code steps.csv} or {@code steps.parquet}, which the report streams rather than holds. */
  static final long STEPS_BYTES = 64L << 30;

  /** Characters in one CSV cell: configs can be long (a list-valued hyperparameter). */
  static final int CELL_CHARS = 1 << 20;

  /** JSON nesting a manifest needs is 1; deeper input is damage, refused before it is built. */
  static final int JSON_DEPTH = 16;

  private ReadLimits() {}
}
