package org.optbench.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seed design: what each derived seed depends on, and data_seed in specs. */
class RunSeedsTest {

  private static final String SPEC = """
      name: seeds
      workloads: [{model: mlp}]
      steps: 10
      seeds: [0, 1, 2]
      grid:
        optimizer: [{name: sgd, lr: 0.1}, {name: adam, lr: 0.01}]
      """;

  private static ExperimentSpec parse(String text) throws SpecException {
    return SpecParser.parse(Path.of("seeds.yaml"), text);
  }

  @Test
  void cellsOfOneSeedShareWeightsOrderAndDataWhateverTheOptimizer() throws SpecException {
    List<Cell> cells = parse(SPEC).cells();
    Cell sgd0 = cells.stream().filter(c -> c.optimizer().name().equals("sgd") && c.seed() == 0).findFirst().orElseThrow();
    Cell adam0 = cells.stream().filter(c -> c.optimizer().name().equals("adam") && c.seed() == 0).findFirst().orElseThrow();
    assertEquals(sgd0.seeds(), adam0.seeds());
  }

  @Test
  void byDefaultEverySeedTrainsOnTheSameDataButItsOwnWeightsAndOrder() throws SpecException {
    List<Cell> cells = parse(SPEC).cells();
    Set<Long> data = new HashSet<>();
    Set<Long> init = new HashSet<>();
    Set<Long> order = new HashSet<>();
    cells.forEach(c -> {
      data.add(c.seeds().data());
      init.add(c.seeds().init());
      order.add(c.seeds().order());
    });
    assertEquals(1, data.size());
    assertEquals(3, init.size());
    assertEquals(3, order.size());
  }

  @Test
  void perSeedDataDrawsTheDataFromEachRunsSeed() throws SpecException {
    List<Cell> cells = parse(SPEC + "data_seed: per_seed\n").cells();
    assertEquals(3, cells.stream().map(c -> c.seeds().data()).distinct().count());
    // A fixed data seed other than 0 is one draw too, a different one.
    long seven = parse(SPEC + "data_seed: 7\n").cells().get(0).seeds().data();
    assertNotEquals(parse(SPEC).cells().get(0).seeds().data(), seven);
  }

  @Test
  void thePurposesDrawFromDifferentStreamsAndPrintNonNegative() {
    RunSeeds s = RunSeeds.of(0, DataSeed.DEFAULT);
    assertEquals(4, Set.of(s.data(), s.init(), s.order(), s.sampling()).size());
    for (long seed = 0; seed < 1000; seed++) {
      RunSeeds r = RunSeeds.of(seed, new DataSeed.PerSeed());
      assertTrue(r.data() >= 0 && r.init() >= 0 && r.order() >= 0 && r.sampling() >= 0);
    }
  }

  @Test
  void theDataPolicyIsPartOfTheRunsIdentity() throws SpecException {
    assertNotEquals(parse(SPEC).cells().get(0).runId(),
        parse(SPEC + "data_seed: per_seed\n").cells().get(0).runId());
  }

  @Test
  void aDataSeedOfTheWrongTypeIsASpecErrorAtItsLocation() {
    for (String bad : List.of("data_seed: -1", "data_seed: 1.5", "data_seed: every", "data_seed: [0]")) {
      SpecException e = assertThrows(SpecException.class, () -> parse(SPEC + bad + "\n"));
      assertEquals(7, e.line(), e.getMessage());
      assertEquals(12, e.column(), e.getMessage());
      assertTrue(e.getMessage().contains("data_seed must be a non-negative integer"), e.getMessage());
    }
  }
}
