package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.optbench.testing.ManagerPerTest;

/**
 * The engine optimizers' first steps computed by hand from torch.optim's formulas (torch/optim/
 * sgd.py and adam.py), including the cases where DJL's built-ins differ.
 */
class TorchOptimizersTest {

  @RegisterExtension final ManagerPerTest nd = new ManagerPerTest();

  private NDArray weight(float... values) {
    NDArray weight = nd.get().create(values);
    weight.setRequiresGradient(true);
    return weight;
  }

  private float[] step(TorchOptimizer optimizer, NDArray weight, float... grad) {
    optimizer.update("w", weight, nd.get().create(grad));
    return weight.toFloatArray();
  }

  @Test
  void sgdWithMomentumAndDampeningFollowsTorch() {
    // lr 0.1, μ 0.9, dampening 0.5, g = 1 each step, p0 = 1.
    // step 1: b = g = 1 (no dampening on the first step)       p = 1 − 0.1·1 = 0.9
    // step 2: b = 0.9·1 + 0.5·1 = 1.4                           p = 0.9 − 0.14 = 0.76
    TorchSgd sgd = TorchSgd.builder().setLearningRateTracker(Tracker.fixed(0.1f))
        .optMomentum(0.9f).optDampening(0.5f).build();
    NDArray w = weight(1f);
    assertEquals(0.9f, step(sgd, w, 1f)[0], 1e-6f);
    assertEquals(0.76f, step(sgd, w, 1f)[0], 1e-6f);
    assertEquals(4, sgd.stateBytes(), "one float32 momentum buffer");
  }

  @Test
  void sgdNesterovAndWeightDecayFollowTorch() {
    // lr 0.1, μ 0.9, nesterov, wd 0.1, p0 = 2, g = 1: d = 1 + 0.1·2 = 1.2, b = 1.2,
    // step direction d + μ·b = 1.2 + 1.08 = 2.28, p = 2 − 0.228 = 1.772.
    TorchSgd sgd = TorchSgd.builder().setLearningRateTracker(Tracker.fixed(0.1f))
        .optMomentum(0.9f).optNesterov(true).optWeightDecay(0.1f).build();
    assertEquals(1.772f, step(sgd, weight(2f), 1f)[0], 1e-6f);
  }

  @Test
  void plainSgdKeepsNoState() {
    TorchSgd sgd = TorchSgd.builder().setLearningRateTracker(Tracker.fixed(0.5f)).build();
    assertArrayEquals(new float[] {0.5f, 3f}, step(sgd, weight(1f, 2f), 1f, -2f), 1e-6f);
    assertEquals(0, sgd.stateBytes());
  }

  @Test
  void liveGradientStepMatchesTheCopiedGradientStepAndZeroesIt() {
    // Three Adam steps with g = (1, −2, 3, −4) each time: through DJL's path (the gradient handed
    // over as a separate array) and on the weight's own gradient (a flat view, as the training
    // loop passes it); the results must agree bit for bit, p ≈ p0 − 0.1·sign(g) after step 1,
    // and the live gradient must be zero after each step so that backward can accumulate anew.
    float[] g = {1f, -2f, 3f, -4f};
    TorchAdam copied = TorchAdam.builder().setLearningRateTracker(Tracker.fixed(0.1f)).build();
    TorchAdam live = TorchAdam.builder().setLearningRateTracker(Tracker.fixed(0.1f)).build();
    NDArray a = nd.get().create(new float[] {1f, 1f, 1f, 1f}, new Shape(2, 2));
    a.setRequiresGradient(true);
    NDArray b = nd.get().create(new float[] {1f, 1f, 1f, 1f}, new Shape(2, 2));
    b.setRequiresGradient(true);
    NDArray coefficients = nd.get().create(g, new Shape(2, 2));
    NDArray flat = null;
    for (int step = 1; step <= 3; step++) {
      copied.update("w", a, nd.get().create(g, new Shape(2, 2)));
      try (GradientCollector collector = nd.get().getEngine().newGradientCollector()) {
        collector.backward(b.mul(coefficients).sum());
      }
      if (flat == null) {
        flat = b.getGradient().reshape(-1);
      }
      live.updateLive("w", b, flat);
      assertArrayEquals(a.toFloatArray(), b.toFloatArray(), "step " + step);
      assertArrayEquals(new float[4], flat.toFloatArray(), "gradient zeroed after step " + step);
      if (step == 1) {
        assertArrayEquals(new float[] {0.9f, 1.1f, 0.9f, 1.1f}, b.toFloatArray(), 1e-6f);
      }
    }
  }

  @Test
  void adamFirstStepIsLrTimesSignOfGradient() {
    // Step 1: m̂ = g, v̂ = g², so p −= lr·g/(|g| + ε) ≈ lr·sign(g) (Kingma & Ba 2015, §2.1).
    TorchAdam adam = TorchAdam.builder().setLearningRateTracker(Tracker.fixed(0.1f)).build();
    float[] p = step(adam, weight(4f, 4f), 256f, -0.001f);
    assertEquals(4f - 0.1f, p[0], 1e-6f);
    assertEquals(4f + 0.1f * (0.001f / (0.001f + 1e-8f)), p[1], 1e-6f);
    assertEquals(2 * 2 * 4, adam.stateBytes(), "m and v for two float32 values");
  }

  @Test
  void adamAddsEpsilonAfterBiasCorrectionUnlikeDjlsBuiltIn() {
    // With ε large the placement shows. g = 1, lr 1, ε 1, β = (0.9, 0.999), step 1:
    // torch: m̂ = 1, √v̂ = 1 → update 1/(1 + 1) = 0.5.
    // DJL built-in (ε̂ form): lr·√(1−β2)/(1−β1) · m/(√v + ε) = √0.001/0.1 · 0.1/(√0.001 + 1)
    // = 0.0306..., a different optimizer.
    TorchAdam adam = TorchAdam.builder().setLearningRateTracker(Tracker.fixed(1f)).optEpsilon(1f).build();
    assertEquals(-0.5f, step(adam, weight(0f), 1f)[0], 1e-6f);
  }

  @Test
  void amsgradUsesTheRunningMaximumOfV() {
    // β1 0, β2 0.5, lr 1, ε 0 (approximated by 1e-30): g1 = 2, g2 = 0.
    // step 1: v = 0.5·4 = 2, v̂max = 2, bc2 = 0.5 → √(2/0.5) = 2, m = 2 → update 1.
    // step 2: v = 1, v̂max stays 2, bc2 = 0.75 → denominator √(2/0.75); m = 0 → update 0.
    // Then g3 = 1: v = 0.5 + 0.5 = 1, vmax 2, bc2 = 0.875, m = 1 → update 1/√(2/0.875).
    TorchAdam adam = TorchAdam.builder().setLearningRateTracker(Tracker.fixed(1f))
        .optBeta1(0f).optBeta2(0.5f).optEpsilon(1e-30f).optAmsgrad(true).build();
    NDArray w = weight(0f);
    assertEquals(-1f, step(adam, w, 2f)[0], 1e-6f);
    assertEquals(-1f, step(adam, w, 0f)[0], 1e-6f);
    assertEquals(-1f - (float) (1 / Math.sqrt(2 / 0.875)), step(adam, w, 1f)[0], 1e-6f);
    assertEquals(3 * 4, adam.stateBytes(), "m, v and max v");
  }

  @Test
  void theWeightsAccumulatedGradientIsZeroedAfterTheUpdate() {
    // PyTorch accumulates gradients across backward passes; the optimizer must clear them.
    NDArray w = weight(1f);
    try (ai.djl.training.GradientCollector collector =
        ai.djl.engine.Engine.getInstance().newGradientCollector()) {
      collector.backward(w.mul(3f).sum());
    }
    assertEquals(3f, w.getGradient().getFloat());
    TorchSgd sgd = TorchSgd.builder().setLearningRateTracker(Tracker.fixed(0.1f)).build();
    sgd.update("w", w, w.getGradient().duplicate());
    assertEquals(0.7f, w.getFloat(), 1e-6f);
    assertEquals(0f, w.getGradient().getFloat());
  }
}
