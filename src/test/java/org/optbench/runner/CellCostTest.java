package org.optbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optbench.spec.Cell;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.SpecParser;
import org.optbench.workload.Workloads;

/** What the cost model charges a step: libtorch's fixed cost, or Java arithmetic alone. */
class CellCostTest {

  @Test
  void anAnalyticObjectiveOnTheNativeEngineCostsJavaArithmeticPerStep() throws Exception {
    ExperimentSpec spec = SpecParser.parse(Path.of("cost.yaml"), """
        name: cost
        workloads: [{model: online_convex}]
        steps: 1000
        engines: [djl, native]
        grid: {optimizer: [{name: adam, lr: 0.001}]}
        """);
    List<Cell> cells = spec.cells();
    var workload = Workloads.create(cells.get(0).workload());
    // djl: 1,000 × (2.5e6 fixed + the objective's few multiply-adds); native: 1,000 × 1e4.
    double djl = CellCost.of(cells.get(0), workload);
    double nativeCost = CellCost.of(cells.get(1), workload);
    assertEquals("djl", cells.get(0).engine());
    assertEquals(1000 * 1e4, nativeCost);
    assertEquals(1000 * (2.5e6 + workload.multiplyAddsPerStep()), djl);
  }
}
