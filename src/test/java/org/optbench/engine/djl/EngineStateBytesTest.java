package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.optim.alias.NativeOptimizers;
import org.optbench.registry.CrossChecks;
import org.optbench.spec.Component;
import org.optbench.testing.ManagerPerTest;

/**
 * The bytes the engine optimizer really allocates for w [4, 3] + b [3] equal the native recipe's
 * state formula (the figure the memory report shows), for every setting the registry generates.
 */
class EngineStateBytesTest {

  @RegisterExtension final ManagerPerTest nd = new ManagerPerTest();

  static Stream<Arguments> everySetting() {
    return CrossChecks.all().stream().map(c -> Arguments.of(c.label(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everySetting")
  void allocatedBytesEqualTheFormula(String label, Component optimizer) {
    TorchOptimizer engine = (TorchOptimizer) DjlOptimizers.create(optimizer,
        org.optbench.testing.Cells.component(org.optbench.spec.Axis.SCHEDULE, "constant",
            java.util.Map.of()));
    List<NDArray> weights = new ArrayList<>();
    List<NDArray> grads = new ArrayList<>();
    for (Shape shape : new Shape[] {new Shape(4, 3), new Shape(3)}) {
      NDArray weight = nd.get().ones(shape);
      weight.setRequiresGradient(true);
      weights.add(weight);
      grads.add(nd.get().ones(shape).mul(0.5f));
    }
    if (engine instanceof TorchParamGroups groups) {
      groups.bind(List.of("w", "b"), List.of("w", "b"), weights);
    }
    // The engine's whole-step entry: the one every optimizer takes, Prodigy's included.
    engine.updateAll(List.of("w", "b"), weights, grads);
    long formula = NativeOptimizers.recipe(optimizer).stateFormula().evaluate(
        ParamTree.of(Tensor.zeros("w", 4, 3), Tensor.zeros("b", 3)));
    assertEquals(formula, engine.stateBytes(), label);
  }
}
