/**
 * Result sets on disk: {@code results/<experiment>/} with {@code steps.parquet} (one row per run
 * and step, keyed by run id; {@link org.optbench.io.StepsParquet}), {@code runs.csv} (one row per
 * run, with the run's labels) and {@code manifest.json} (what produced them). Result sets written
 * before Parquet have {@code steps.csv} instead, labels on every row; every reader takes either
 * ({@link org.optbench.io.ResultFiles#steps}), and {@link org.optbench.io.StepsCsvExport} writes
 * that CSV from either.
 *
 * <p>Every file is written atomically ({@link org.optbench.io.AtomicFiles}); a result set is built
 * in a hidden staging folder, one run at a time, and published under its final name only when the
 * manifest is complete ({@link org.optbench.io.ResultSetWriter}). An existing result set is moved
 * aside, never overwritten, unless the new one reproduces all its rows. Finished runs persist in
 * the experiment's {@link org.optbench.io.CellStore} so that a later run resumes. {@link org.optbench.io.ResultSet} reads one back with fixed column
 * types.
 *
 * <p>Columns: one per variable, each described beside its definition ({@link
 * org.optbench.io.ColumnSchema}), the hyperparameters unpacked into {@code <component>_<parameter>}
 * columns ({@code HyperparameterColumns}); {@code docs/data-schema.md} is generated
 * from them ({@link org.optbench.io.DataSchemaDoc}). {@code manifest.json} carries the schema
 * version; result sets of version 1 are upgraded as they are read ({@code
 * LegacyColumns}).
 *
 * <p>Missing and non-finite numbers: a value that was not recorded is an empty cell (a Parquet
 * null); {@code NaN}, {@code Infinity} and {@code -Infinity} are measured values, written as such
 * and read back as such. Tablesaw holds both as a double's NaN.
 *
 * <p>Reading checks before it trusts ({@link org.optbench.io.ResultSetCheck}): each file's kind
 * and size before it is opened, the manifest's fields, every CSV cell's type and every Parquet
 * column's type, then the files
 * against each other (unique runs, step rows of listed runs within their step counts, counts that
 * agree). A damaged folder is a {@link org.optbench.io.ResultSetException} naming the file, the
 * line and column or field, and the fix.
 */
package org.optbench.io;
