package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.optim.alias.NativeOptimizer;
import org.optbench.optim.alias.NativeOptimizers;
import org.optbench.spec.Axis;
import org.optbench.spec.Component;
import org.optbench.testing.Cells;
import org.optbench.testing.ManagerPerTest;

/**
 * The step size D-Adaptation AdamW and Prodigy report (steps.csv {@code step_size}) is d·lr, the
 * estimate the step moved with, on both engines, computed by hand: two one-element tensors from
 * 0, the first with g = 1 at every step, the second with g = 0; lr 1, defaults otherwise
 * (Prodigy with estim_lr_coef 10).
 *
 * <p>Steps 1 and 2 move with d₀ = 1e-6. Step 2 estimates d̂ = 4.26772727e-6 for both
 * (DistanceAdaptiveTest has the arithmetic: the second tensor adds nothing to the sums), which
 * step 3 moves with. d is one number for the whole model: an optimizer that estimated it per
 * tensor would leave the second tensor's at d₀ (its sums are 0) and report the element mean
 * (4.26772727e-6 + 1e-6)/2 = 2.63e-6.
 */
class AdaptedStepSizeTest {

  @RegisterExtension final ManagerPerTest nd = new ManagerPerTest();

  private static final double[] BY_HAND = {1e-6, 1e-6, 4.26772727e-6};

  private static Component optimizer(String name) {
    Map<String, Object> settings = name.equals("prodigy")
        ? Map.of("estim_lr_coef", 10.0)
        : Map.of();
    return Cells.component(Axis.OPTIMIZER, name, settings);
  }

  private static Component constant() {
    return Cells.component(Axis.SCHEDULE, "constant", Map.of());
  }

  @ParameterizedTest
  @CsvSource({"dadapt_adamw", "prodigy"})
  void nativeStepSizeIsDTimesLr(String name) {
    NativeOptimizer optimizer = NativeOptimizers.create(optimizer(name),
        Cells.component(Axis.CLIP, "none", Map.of()), constant());
    ParamTree params = ParamTree.of(Tensor.zeros("a", 1), Tensor.zeros("b", 1));
    optimizer.init(params);
    for (int t = 1; t <= BY_HAND.length; t++) {
      ParamTree grads = ParamTree.of(new Tensor("a", new int[] {1}, new float[] {1}),
          Tensor.zeros("b", 1));
      double size = optimizer.step(params, grads, Double.NaN).stepSize();
      assertEquals(BY_HAND[t - 1], size, 1e-6 * BY_HAND[t - 1], name + " step " + t);
    }
  }

  @ParameterizedTest
  @CsvSource({"dadapt_adamw", "prodigy"})
  void engineStepSizeIsDTimesLr(String name) {
    TorchOptimizer optimizer = (TorchOptimizer) DjlOptimizers.create(optimizer(name), constant());
    NDArray a = weight();
    NDArray b = weight();
    for (int t = 1; t <= BY_HAND.length; t++) {
      optimizer.updateAll(List.of("a", "b"), List.of(a, b),
          List.of(nd.get().create(new float[] {1f}), nd.get().create(new float[] {0f})));
      assertEquals(BY_HAND[t - 1], optimizer.stepSize(t), 1e-6 * BY_HAND[t - 1],
          name + " step " + t);
    }
    // The first tensor after step 3, by hand (DistanceAdaptiveTest): x₃ = −5.62508095e-6 for
    // Prodigy; −4.59242303e-6 for D-Adaptation (x₂ = −2.16287047e-6, then m₃/(√v₃ + ε) with
    // m₃ = 0.9·5.19921715e-8 + 0.1·8.62126135e-7 = 1.33005568e-7, √v₃ = √0.002997001).
    // The second tensor never moves.
    double x3 = name.equals("prodigy") ? -5.62508095e-6 : -4.59242303e-6;
    assertEquals(x3, a.getFloat(), 1e-6 * Math.abs(x3));
    assertEquals(0f, b.getFloat(), 0f);
  }

  /** DJL's per-parameter entry cannot see the sums over every tensor, so it refuses. */
  @ParameterizedTest
  @CsvSource({"dadapt_adamw", "prodigy"})
  void perParameterUpdateIsRefused(String name) {
    TorchOptimizer optimizer = (TorchOptimizer) DjlOptimizers.create(optimizer(name), constant());
    NDArray a = weight();
    assertThrows(UnsupportedOperationException.class,
        () -> optimizer.update("a", a, nd.get().create(new float[] {1f})));
  }

  private NDArray weight() {
    NDArray w = nd.get().create(new float[] {0f});
    w.setRequiresGradient(true);
    return w;
  }
}
