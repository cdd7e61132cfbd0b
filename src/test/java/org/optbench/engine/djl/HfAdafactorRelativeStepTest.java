package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.optbench.testing.ManagerPerTest;

/**
 * The engine's transformers Adafactor on the 1/√t branch of its relative step, which the golden
 * vectors (12 steps) never reach: ρₜ = min(10⁻², 1/√t) is 1/√t only past t = 10⁴. The set-up of
 * the native {@code AdafactorRelativeStepTest}: scale_parameter off (αₜ = ρₜ), W = 0 (2 × 3) and
 * G = ones, so U = 1 at every step and each step moves W by exactly −ρₜ; transformers'
 * Adafactor (5.18, float32) gives −0.0099999905 at t = 100 and −0.0050048828 at t = 40,000.
 */
class HfAdafactorRelativeStepTest {

  @RegisterExtension final ManagerPerTest nd = new ManagerPerTest();

  /** ρ₁₀₀ = min(0.01, 0.1) = 0.01; ρ₄₀₀₀₀ = min(0.01, 0.005) = 0.005. */
  @Test
  void relativeStepTakesOneOverRootTPastTenThousandSteps() {
    HfAdafactor adafactor = HfAdafactor.builder().setLearningRateTracker(Tracker.fixed(1f))
        .optScaleParameter(false).build();
    NDArray w = nd.get().zeros(new Shape(2, 3));
    w.setRequiresGradient(true);
    float before = 0;
    for (int t = 1; t <= 40_000; t++) {
      before = w.getFloat(0, 0);
      try (NDArray g = nd.get().ones(new Shape(2, 3))) {
        adafactor.update("w", w, g);
      }
      if (t == 100) {
        assertEquals(-0.01, w.getFloat(0, 0) - before, 1e-5, "t = 100");
      }
    }
    assertEquals(-0.005, w.getFloat(0, 0) - before, 1e-4, "t = 40000");
  }
}
