package org.optbench.io;

import static tech.tablesaw.api.ColumnType.STRING;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.optbench.metrics.RunResult;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code samples.csv}: the text a language-model run generated at its end, one row per run and
 * sample name, so reports can show optimizers' samples side by side. Written only when some run
 * produced text.
 */
public final class SamplesTable {

  /** The columns of {@code samples.csv}, in file order. */
  public static final ColumnSchema SCHEMA =
      CellColumns.SCHEMA.plus(
          ColumnSchema.builder()
              .add("sample_name", STRING, "the name of the prompt the workload sampled from")
              .add("text", STRING, "the text the model generated at the end of the run")
              .build());

  private SamplesTable() {}

  /** The rows of the runs' sample parts, in order, as one table of this schema. */
  static Table join(List<java.nio.file.Path> parts, String fix) {
    List<Table> tables = new ArrayList<>(List.of(SCHEMA.emptyTable(ResultFiles.SAMPLES)));
    for (java.nio.file.Path part : parts) {
      tables.add(CsvTableReader.read(part, SCHEMA, ReadLimits.TABLE_BYTES, fix).table());
    }
    return RunsLayout.join(ResultFiles.SAMPLES, tables);
  }


  /** One row per sample of {@code run}; an empty table when it produced none. */
  public static Table of(String experiment, RunResult run) {
    Map<String, String> samples = run.artifacts().samples();
    List<Column<?>> columns =
        new ArrayList<>(CellColumns.of(experiment, run.summary().cell(), samples.size()));
    columns.add(StringColumn.create("sample_name", samples.keySet()));
    columns.add(StringColumn.create("text", samples.values()));
    return Table.create(ResultFiles.SAMPLES, columns);
  }
}
