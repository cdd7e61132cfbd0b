package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.optbench.optim.StepContext;
import org.optbench.testing.ManagerPerTest;

/**
 * The engine's ZClip ceiling and AutoClip history, on values worked out by hand: the golden
 * vectors run both methods for 12 steps, too few for AutoClip's history to outgrow its first
 * 1,024 slots, and with no max_norm for ZClip.
 */
class EngineAdaptiveClippingTest {

  @RegisterExtension final ManagerPerTest nd = new ManagerPerTest();
  private final StepContext context = new StepContext();

  /** One gradient tensor whose L2 norm is {@code norm}: (norm, 0). */
  private List<NDArray> gradientOfNorm(double norm) {
    return List.of(nd.get().create(new float[] {(float) norm, 0f}));
  }

  @Test
  void zclipMaxNormCapsWarmUpAndAdaptiveThresholds() {
    // alpha 0.5, z_thr 2.5, two warm-up steps, eps 0, max_norm 2.
    ZClipping capped = new ZClipping(0.5, 2.5, 2, 0.0, 2.0);
    ZClipping free = new ZClipping(0.5, 2.5, 2, 0.0, null);
    // Warm-up: norm 3 is above the ceiling, norm 1 is not; μ = 2, σ² = 1 (population).
    assertEquals(2.0, capped.apply(gradientOfNorm(3), List.of(), 3, context), 1e-6);
    assertEquals(3.0, free.apply(gradientOfNorm(3), List.of(), 3, context), 1e-6);
    assertEquals(1.0, capped.apply(gradientOfNorm(1), List.of(), 1, context), 1e-6);
    free.apply(gradientOfNorm(1), List.of(), 1, context);
    // Step 3, norm 10: z = (10 − 2)/1 = 8 > 2.5, adaptive τ = 2 + 2.5²·1/8 = 2.78125; the
    // ceiling takes it down to 2.
    assertEquals(2.78125, free.apply(gradientOfNorm(10), List.of(), 10, context), 1e-5);
    assertEquals(2.0, capped.apply(gradientOfNorm(10), List.of(), 10, context), 1e-6);
    assertEquals(2.0, capped.threshold(), 0);
    // The EMA follows τ: μ = 0.5·2 + 0.5·2.78125 = 2.390625, σ² = 0.5·1 + 0.5·(2.78125 −
    // 2.390625)² = 0.576294…; so at step 4 a norm of 4 gives z = (4 − 2.390625)/0.759140… =
    // 2.1200 < 2.5: unclipped by the adaptive rule, and held at 2 only by max_norm.
    assertEquals(4.0, free.apply(gradientOfNorm(4), List.of(), 4, context), 1e-5);
    assertEquals(2.0, capped.apply(gradientOfNorm(4), List.of(), 4, context), 1e-6);
  }

  @Test
  void autoclipKeepsEveryNormPastItsFirstThousandSlots() {
    AutoClipping clip = new AutoClipping(50);
    List<Integer> norms = new ArrayList<>();
    for (int n = 1; n <= 1100; n++) {
      norms.add(n);
    }
    Collections.shuffle(norms, new Random(7));
    for (int n : norms) {
      clip.apply(gradientOfNorm(n), List.of(), n, context);
    }
    // numpy.percentile(range(1, 1101), 50) with linear interpolation: rank 0.5·1099 = 549.5
    // between 550 and 551.
    assertEquals(550.5, clip.threshold(), 1e-9);
    // One more norm moves the median by half a step: 1..1100 and 0.5 → rank 550 → 550.
    clip.apply(gradientOfNorm(0.5), List.of(), 0.5, context);
    assertEquals(550.0, clip.threshold(), 1e-9);
  }
}
