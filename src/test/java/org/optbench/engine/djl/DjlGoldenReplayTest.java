package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.optbench.optim.Tensor;
import org.optbench.optim.replay.CaseReader;
import org.optbench.optim.replay.ReplayCase;
import org.optbench.optim.replay.ReplayEngines;
import org.optbench.optim.replay.StepwiseCheck;
import org.optbench.optim.replay.TrajectoryCheck;

/**
 * Every committed golden vector (src/test/resources/golden, from torch.optim 1.13, the
 * published algorithm, or transformers' and torch's own Adafactor and torch.optim 2.x) replayed through the engine-side optimizers and clipping on DJL, at the
 * replay contract's tolerances rtol 1e-5, atol 1e-6: the same bar the native engine meets.
 */
class DjlGoldenReplayTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden");

  @Test
  void theDjlEngineIsRegisteredForReplay() {
    assertEquals("djl", ReplayEngines.find("djl").orElseThrow().name());
  }

  @TestFactory
  Stream<DynamicTest> everyGoldenCaseIsWithinToleranceOnTheEngine() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(GOLDEN)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertTrue(files.size() >= 30, "golden vectors missing: " + files.size());
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      ReplayCase c = CaseReader.read(file);
      List<String> names = new ArrayList<>();
      for (Tensor t : c.initial()) {
        names.add(t.name());
      }
      TrajectoryCheck result = TrajectoryCheck.compare(c.expected(),
          new DjlReplayEngine().replay(c).trajectory(), names, TrajectoryCheck.RTOL, TrajectoryCheck.ATOL);
      System.out.printf("djl replay %s: max abs %.3g, max rel %.3g%n", file.getFileName(),
          result.maxAbsError(), result.maxRelError());
      assertTrue(result.withinTolerance(), file.getFileName() + ": max abs "
          + result.maxAbsError() + ", max rel " + result.maxRelError() + "; " + result.worst());
    }));
  }

  /** Each step restarted from the reference's iterate, within 1e-5 of the update's size. */
  @TestFactory
  Stream<DynamicTest> everyGoldenUpdateIsWithinToleranceOnTheEngine() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(GOLDEN)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      ReplayCase c = CaseReader.read(file);
      StepwiseCheck result = StepwiseCheck.run(new DjlReplayEngine(), c, StepwiseCheck.RTOL);
      System.out.printf("djl stepwise %s: max rel %.3g (%s)%n", file.getFileName(),
          result.maxRelError(), result.worst());
      assertTrue(result.withinTolerance(), file.getFileName() + ": " + result.worst());
    }));
  }
}
