package org.optbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.io.CrossCheckTable;
import org.optbench.spec.CrossCheckMode;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.SpecException;
import org.optbench.spec.SpecParser;
import tech.tablesaw.api.Table;

/**
 * {@code crosscheck: lockstep} end to end: a grid over both engines writes crosscheck.csv for
 * the djl cells, and the report explains the built-in Adam's deviation with its numbers.
 */
class CrossCheckRunTest {

  @TempDir Path dir;

  static final String SPEC = """
      name: crosscheck_smoke
      workloads: [{model: mlp, features: 8, hidden: [16], classes: 3}]
      steps: 20
      seeds: [0]
      engines: [djl, native]
      crosscheck: lockstep
      grid:
        optimizer:
          - {name: adam, lr: 0.01}
          - {name: adam, lr: 0.01, eps: 0.001, impl: djl_builtin}
      """;

  @Test
  void lockstepResultsAndReportSection() throws Exception {
    Path file = dir.resolve("spec.yaml");
    Files.writeString(file, SPEC.replace("engines: [djl, native]", "engines: [djl]"));
    ExperimentSpec spec = SpecParser.parse(file);
    assertEquals(CrossCheckMode.LOCKSTEP, CrossCheckMode.of(spec));
    var outcome = new ExperimentRunner(
        new RunOptions(dir.resolve("results"), dir.resolve("reports"), 1, ProgressSettings.NONE)).run(spec);
    Table table = CrossCheckTable.read(outcome.results()).orElseThrow();
    assertEquals(2, table.stringColumn("run_id").unique().size());
    assertTrue(table.stringColumn("verdict").countOccurrences("beyond") > 0, "built-in deviates");
    String report = Files.readString(outcome.report());
    assertTrue(report.contains("id=\"crosscheck\""));
    assertTrue(report.contains("agrees within 1e-6 at every step"), "torch-semantics Adam agrees");
    assertTrue(report.contains("ε̂ form"), "the built-in's deviation is explained");
  }

  @Test
  void nativeEngineRejectsTheBuiltinAndUnknownModesAreRefused() throws Exception {
    Path file = dir.resolve("spec.yaml");
    Files.writeString(file, SPEC);
    ExperimentSpec spec = SpecParser.parse(file);
    String problem = Engines.unsupported(spec).orElseThrow();
    assertTrue(problem.contains("djl_builtin") && problem.contains("engine djl only")
        || problem.contains("runs only on engine djl"), problem);

    Files.writeString(file, SPEC.replace("crosscheck: lockstep", "crosscheck: sometimes"));
    SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(file));
    assertTrue(e.getMessage().contains("crosscheck must be one of none, lockstep, trajectory"),
        e.getMessage());
    assertFalse(e.getMessage().isEmpty());
  }
}
