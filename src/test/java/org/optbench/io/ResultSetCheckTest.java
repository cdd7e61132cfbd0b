package org.optbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.optbench.spec.SpecParser;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** The checks refuse damage, not what optbench itself wrote and committed. */
class ResultSetCheckTest {

  @Test
  void theCommittedNightlyBaselinePasses() throws Exception {
    Path baseline = Path.of("results/baselines/nightly");
    Manifest manifest = ResultSetCheck.comparable(baseline);
    // One run per cell of the committed spec; the diverged count as runs.csv's own column has it.
    assertEquals(SpecParser.parse(Path.of("experiments/nightly.yaml")).cells().size(),
        manifest.runs());
    // Read by Tablesaw, independently of optbench's own CSV reader.
    Table runs = Table.read().csv(CsvReadOptions.builder(baseline.resolve("runs.csv").toFile())
        .columnTypesPartial(java.util.Map.of("diverged", ColumnType.STRING)).build());
    long diverged = runs.stringColumn("diverged").isEqualTo("true").size();
    assertEquals(diverged, manifest.divergedRuns());
  }
}
