package org.optbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The checks refuse damage, not what optbench itself wrote and committed. */
class ResultSetCheckTest {

  @Test
  void theCommittedNightlyBaselinePasses() {
    // results/baselines/nightly: 990 runs (README, "Measured figures"), 21 of them diverged.
    Manifest manifest = ResultSetCheck.comparable(Path.of("results/baselines/nightly"));
    assertEquals(990, manifest.runs());
    assertEquals(21, manifest.divergedRuns());
  }
}
