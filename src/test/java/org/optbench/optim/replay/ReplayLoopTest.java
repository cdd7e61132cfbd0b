package org.optbench.optim.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.Component;

/**
 * The replay loop's own checks, for cases built in code (the file reader refuses these values
 * before the loop sees them): non-finite inputs are malformed, non-finite results a divergence.
 */
class ReplayLoopTest {

  private static Component component(Axis axis, String name, Map<String, Object> values) {
    Map<String, Object> params = new java.util.LinkedHashMap<>(
        Component.withDefaults(Catalog.require(axis, name)).params());
    params.putAll(values);
    return new Component(Catalog.require(axis, name), params);
  }

  private static ReplayCase sgd(double lr, float[] initial, float[] grad) {
    return new ReplayCase("c.json", component(Axis.OPTIMIZER, "sgd", Map.of("lr", lr)),
        component(Axis.CLIP, "none", Map.of()), component(Axis.SCHEDULE, "constant", Map.of()),
        ParamTree.of(new Tensor("w", new int[] {initial.length}, initial)),
        List.<float[][]>of(new float[][] {grad}), null, null);
  }

  @Test
  void aNonFiniteInitialParameterIsMalformed() {
    var e = assertThrows(ReplayException.class, () -> new NativeReplayEngine().replay(
        sgd(0.1, new float[] {1, Float.NaN}, new float[] {1, 1})));
    assertEquals("c.json: params[0].values[1]: NaN is not a finite float32 (beyond"
        + " ±3.4028235e38 or NaN)", e.getMessage());
  }

  @Test
  void aNonFiniteGradientIsMalformed() {
    var e = assertThrows(ReplayException.class, () -> new NativeReplayEngine().replay(
        sgd(0.1, new float[] {1, 2}, new float[] {1, Float.POSITIVE_INFINITY})));
    assertEquals("c.json: grads[0]: non-finite gradient at step 1: w[1] = Infinity",
        e.getMessage());
  }

  @Test
  void anUpdateThatOverflowsIsADivergenceNamingTheValue() throws Exception {
    // The gradient's norm 1e19 fits float32; the step 1 − 1e20·(−1e19) = 1e39 does not: +Inf.
    ReplayResult result = new NativeReplayEngine().replay(
        sgd(1e20, new float[] {1, 1}, new float[] {0, -1e19f}));
    assertTrue(result.diverged());
    assertEquals(1, result.divergence().step());
    assertEquals("w[1] = Infinity after the update", result.divergence().reason());
    assertEquals(List.of(), result.trajectory());
  }
}
