package org.optbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optbench.spec.Axis;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.testing.Cells;
import org.optbench.workload.ConvNet;
import org.optbench.workload.Workload;
import org.optbench.workload.Workloads;

class LongestFirstTest {

  private final Map<Component, Workload> workloads = new HashMap<>();

  private Workload workload(Cell cell) {
    return workloads.computeIfAbsent(cell.workload(), Workloads::create);
  }

  private static Cell cell(Component workload, int steps, long seed) {
    Component sgd = Cells.component(Axis.OPTIMIZER, "sgd", Map.of());
    return Cells.cell(workload, sgd, Cells.noClip(), seed, steps, steps);
  }

  @Test
  void theLongestCellsGoFirstAndEqualOnesKeepGridOrder() {
    Component small = Cells.component(Axis.WORKLOAD, "mlp", Map.of("hidden", List.of(8)));
    // 784·256 + 256 + 256·3 + 3 = 201,731 weights × 64 examples: 12.9 M multiply-adds a step.
    Component large = Cells.component(Axis.WORKLOAD, "mlp",
        Map.of("features", 784, "hidden", List.of(256)));
    Component quadratic = Cells.component(Axis.WORKLOAD, "quadratic", Map.of());
    List<Cell> grid = List.of(
        cell(quadratic, 1000, 0),
        cell(small, 100, 0),
        cell(large, 100, 0),
        cell(small, 100, 1),
        cell(large, 400, 0));

    List<Cell> order = LongestFirst.order(grid, this::workload);

    // 400 × (2.5 M + 12.9 M) > 1000 × 2.5 M (the quadratic: the fixed step cost alone)
    // > 100 × 15.4 M > 100 × (2.5 M + 51·64), twice, in grid order.
    assertEquals(List.of(grid.get(4), grid.get(0), grid.get(2), grid.get(1), grid.get(3)), order);
  }

  @Test
  void aConvolutionCountsOnceForEveryOutputPosition() {
    // LeNet-5 on 28×28 (same padding): conv 28·28·6·1·25 + conv 14·14·16·6·25, then dense
    // 784·120 + 120·84 + 84·10, counted by hand.
    ConvNet lenet = new ConvNet(28, 28, List.of(6, 16), 5, List.of(120, 84), 10);
    assertEquals(117_600 + 470_400 + 94_080 + 10_080 + 840, lenet.multiplyAddsPerInput());
  }
}
