package org.optbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/data-schema.md is what {@link DataSchemaDoc} makes of the schemas in code. */
class DataSchemaDocTest {

  private static final Path DOC = Path.of("docs", "data-schema.md");

  @Test
  void theCommittedDocumentIsTheGeneratedOne() throws Exception {
    assertEquals(DataSchemaDoc.markdown(), Files.readString(DOC),
        DOC + " differs from the schemas in code; regenerate it: " + DataSchemaDoc.COMMAND);
  }

  @Test
  void everyColumnOfEveryFileIsListed() {
    String doc = DataSchemaDoc.markdown();
    for (ColumnSchema schema : List.of(RunsTable.SCHEMA, StepsTable.SCHEMA, SamplesTable.SCHEMA,
        CrossCheckTable.SCHEMA, ClaimsTable.SCHEMA, TargetsTable.SCHEMA)) {
      for (String column : schema.names()) {
        assertTrue(doc.contains("| `" + column + "` |"), column);
      }
    }
    // A hyperparameter of the catalogue, with its type: SGD's momentum is a number.
    assertTrue(doc.contains("| `optimizer_momentum` | float64 |"));
    assertTrue(doc.contains("| `optimizer_nesterov` | boolean |"));
  }
}
