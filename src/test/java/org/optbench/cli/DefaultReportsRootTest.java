package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where {@code run} puts reports when only --out is given. */
class DefaultReportsRootTest {

  @Test
  void besideAResultsRootNamedResults() {
    assertEquals(Path.of("reports"), RunCommand.defaultReports(Path.of("results")));
    assertEquals(Path.of("/scratch/x/reports"), RunCommand.defaultReports(Path.of("/scratch/x/results")));
    assertEquals(Path.of("reports"), RunCommand.defaultReports(Path.of("./results")));
  }

  @Test
  void insideAnyOtherResultsRoot() {
    assertEquals(Path.of("shard-0/reports"), RunCommand.defaultReports(Path.of("shard-0")));
    assertEquals(Path.of("/tmp/x/reports"), RunCommand.defaultReports(Path.of("/tmp/x")));
  }
}
