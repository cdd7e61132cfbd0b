package org.optbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.spec.SpecException;

/** The programmatic entry point runs a spec file as {@code optbench run} does. */
class ExperimentsTest {

  private static final String SPEC = """
      name: api
      description: two optimizers, two seeds, from Java
      workloads:
        - {model: mlp, hidden: [8], batch_size: 16, train_size: 64, eval_size: 16}
      steps: 5
      eval_every: 5
      seeds: [1, 2]
      grid:
        optimizer: [sgd, adam]
      """;

  @TempDir Path dir;

  @Test
  void aSpecFileRunsEveryCellAndPublishesResultsAndReport() throws Exception {
    Path spec = Files.writeString(dir.resolve("api.yaml"), SPEC);
    ExperimentOutcome outcome = Experiments.run(spec, RunOptions.in(dir.resolve("out")));
    assertEquals(dir.resolve("out/api"), outcome.results());
    assertEquals(4, outcome.runs().size(), "2 optimizers × 2 seeds");
    assertEquals(List.of("sgd", "sgd", "adam", "adam"),
        outcome.runs().stream().map(r -> r.cell().optimizer().name()).toList());
    assertTrue(Files.isRegularFile(dir.resolve("out/api/manifest.json")));
    assertTrue(Files.isRegularFile(dir.resolve("out/reports/api/index.html")));
    assertEquals("true", System.getProperty("ai.djl.offline"), "DJL put offline by the call");
  }

  @Test
  void aBrokenSpecIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path spec = Files.writeString(dir.resolve("broken.yaml"), SPEC.replace("sgd, adam", "sgdd"));
    var e = assertThrows(SpecException.class,
        () -> Experiments.run(spec, RunOptions.in(dir.resolve("out"))));
    assertTrue(e.getMessage().contains("sgdd"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("out")));
  }
}
