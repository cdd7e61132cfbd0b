package org.optbench.optim.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.Tensor;
import org.optbench.optim.TransformState;
import org.optbench.optim.Trees;

/**
 * Hand-computed steps of Adan (Xie et al. 2022, Algorithm 1, in the authors' parameterisation),
 * LAMB (You et al. 2019, Algorithm 2) and LARS (You et al. 2017, Algorithm 1), with the trust
 * ratio's zero-norm fallback and the exclusion of vectors as optax's masks define them.
 */
class AdanLambLarsTest {

  private static final TensorMask ALL = TensorMask.ALL;
  private static final TensorMask MATRICES = TensorMask.MATRICES;

  /** Runs one step per gradient tree on {@code params} (updated in place). */
  private static void run(GradientTransform transform, ParamTree params, double lr,
      ParamTree... grads) {
    TransformState s = transform.init(params);
    for (int t = 0; t < grads.length; t++) {
      Trees.step(transform, s, params, grads[t], StepContext.of(t + 1, lr, Double.NaN));
    }
  }

  /** A matrix w [1, 2] and a vector b [2], holding the same values. */
  private static ParamTree matrixAndVector(float x, float y) {
    return ParamTree.of(new Tensor("w", new int[] {1, 2}, new float[] {x, y}),
        new Tensor("b", new int[] {2}, new float[] {x, y}));
  }

  private static GradientTransform adan(double weightDecay, TensorMask mask) {
    return AdanUpdate.adan(new AdanUpdate.Settings(0.98, 0.92, 0.99, 1e-8, 1e-8, weightDecay,
        mask));
  }

  @Test
  void adanWeighsTheGradientDifferenceByBeta2() {
    // β = (0.98, 0.92, 0.99), lr 0.1, p₀ = 0, g = 1 then 3.
    // Step 1: d = 0; m = 0.02, m̂ = 1; v = 0; n = 0.01, n̂ = 1: u = 1, p = −0.1.
    // Step 2: d = 2; m = 0.98·0.02 + 0.02·3 = 0.0796, m̂ = 0.0796/0.0396 = 2.01010101;
    // v = 0.08·2 = 0.16, v̂ = 0.16/0.1536 = 1.04166667; g + β2·d = 3 + 1.84 = 4.84,
    // n = 0.99·0.01 + 0.01·4.84² = 0.244156, n̂ = 0.244156/0.0199 = 12.2691457, √ = 3.50273404;
    // u = (2.01010101 + 0.92·1.04166667)/3.50273404 = 0.84746210; p = −0.1 − 0.084746210.
    // (optax 0.2.8's weight 1 − β2 = 0.08 would give −0.18913982.)
    ParamTree p = Trees.vector(0f);
    run(adan(0, ALL), p, 0.1, Trees.vector(1f), Trees.vector(3f));
    assertEquals(-0.18474621f, p.data(0)[0], 2e-7f);
    ParamTree once = Trees.vector(0f);
    run(adan(0, ALL), once, 0.1, Trees.vector(1f));
    assertEquals(-0.1f, once.data(0)[0], 1e-7f);
  }

  @Test
  void adanDecaysOnlyMatricesWhenVectorsAreExcluded() {
    // g = 0: m = v = n = 0, so u = 0 and the step is −lr·λ·p = −0.1·0.5·p = −0.05·p.
    ParamTree all = matrixAndVector(1f, 2f);
    run(adan(0.5, ALL), all, 0.1, matrixAndVector(0f, 0f));
    assertArrayEquals(new float[] {0.95f, 1.9f}, all.data(0), 1e-7f);
    assertArrayEquals(new float[] {0.95f, 1.9f}, all.data(1), 1e-7f);
    ParamTree excluded = matrixAndVector(1f, 2f);
    run(adan(0.5, MATRICES), excluded, 0.1, matrixAndVector(0f, 0f));
    assertArrayEquals(new float[] {0.95f, 1.9f}, excluded.data(0), 1e-7f);
    assertArrayEquals(new float[] {1f, 2f}, excluded.data(1), 0f);
  }

  private static GradientTransform lamb(double weightDecay, TensorMask mask) {
    return LambUpdate.lamb(new LambUpdate.Settings(0.9, 0.999, 1e-6, 0, weightDecay, mask));
  }

  @Test
  void lambMovesEachTensorByLrTimesItsNorm() {
    // p = (3, 4), ‖p‖ = 5; g = (1, −2). Step 1: m̂ = g, v̂ = g², u = g/|g| = (1, −1) (ε 1e-6
    // changes u by 1e-6 relative), ‖u‖ = √2; r = 5/√2; p ← p − 0.01·5·(1, −1)/√2
    // = p ∓ 0.035355339.
    ParamTree p = Trees.vector(3f, 4f);
    run(lamb(0, ALL), p, 0.01, Trees.vector(1f, -2f));
    assertArrayEquals(new float[] {2.96464466f, 4.03535534f}, p.data(0), 2e-7f);
  }

  @Test
  void lambLeavesVectorsOutOfDecayAndTrustRatioWhenExcluded() {
    // Matrix w = (3, 4), g = (1, −2), λ 0.5: u = (1, −1) + 0.5·(3, 4) = (2.5, 1),
    // ‖u‖ = √7.25, r = 5/√7.25 = 1.85695338; step −0.01·r·u = (−0.04642383, −0.01856953).
    // Vector b, excluded: u = (1, −1), r = 1: b = (2.99, 4.01).
    ParamTree p = matrixAndVector(3f, 4f);
    run(lamb(0.5, MATRICES), p, 0.01, matrixAndVector(1f, -2f));
    assertArrayEquals(new float[] {2.95357617f, 3.98143047f}, p.data(0), 3e-7f);
    assertArrayEquals(new float[] {2.99f, 4.01f}, p.data(1), 3e-7f);
    // Not excluded, the vector takes the matrix's step.
    ParamTree all = matrixAndVector(3f, 4f);
    run(lamb(0.5, ALL), all, 0.01, matrixAndVector(1f, -2f));
    assertArrayEquals(all.data(0), all.data(1), 0f);
  }

  @Test
  void lambTrustRatioFallsBackToOneAtAZeroParameter() {
    // ‖p‖ = 0 would give r = 0 and p would never move; optax takes r = 1: p = −0.01·(1, −1).
    ParamTree p = Trees.vector(0f, 0f);
    run(lamb(0, ALL), p, 0.01, Trees.vector(1f, -2f));
    assertArrayEquals(new float[] {-0.01f, 0.01f}, p.data(0), 1e-8f);
  }

  private static GradientTransform lars(double weightDecay, double eta, double eps, double mu,
      boolean nesterov, TensorMask mask) {
    return LarsUpdate.lars(new LarsUpdate.Settings(weightDecay, eta, eps, mu, nesterov, mask));
  }

  @Test
  void larsScalesTheStepByEtaTimesTheNormRatioThenAppliesMomentum() {
    // p = (3, 4), ‖p‖ = 5; g = (0.6, 0.8), ‖g‖ = 1; η 0.001, lr 1, μ 0.9.
    // Step 1: r = 0.001·5/1 = 0.005, u = (0.003, 0.004), b = u, p = (2.997, 3.996).
    // Step 2: p = 0.999·p₀, ‖p‖ = 4.995, r = 0.004995, u = (0.002997, 0.003996),
    // b = 0.9·(0.003, 0.004) + u = (0.005697, 0.007596), p = (2.991303, 3.988404).
    ParamTree p = Trees.vector(3f, 4f);
    run(lars(0, 1e-3, 0, 0.9, false, ALL), p, 1.0, Trees.vector(0.6f, 0.8f),
        Trees.vector(0.6f, 0.8f));
    assertArrayEquals(new float[] {2.991303f, 3.988404f}, p.data(0), 3e-7f);
    // Nesterov, step 1: p ← p − (u + 0.9·b) = p − 1.9·(0.003, 0.004) = (2.9943, 3.9924).
    ParamTree n = Trees.vector(3f, 4f);
    run(lars(0, 1e-3, 0, 0.9, true, ALL), n, 1.0, Trees.vector(0.6f, 0.8f));
    assertArrayEquals(new float[] {2.9943f, 3.9924f}, n.data(0), 3e-7f);
  }

  @Test
  void larsAddsTheDecayBeforeTheRatioAndExcludesVectorsFromBoth() {
    // g = 0, λ 0.2: g ← 0.2·(3, 4) = (0.6, 0.8), ‖g‖ = 1; η 0.1, ε 1: r = 0.1·5/(1 + 1) = 0.25;
    // lr 1, μ 0: p ← p − 0.25·(0.6, 0.8) = (2.85, 3.8). The excluded vector gets no decay, so
    // g stays 0 and it does not move.
    ParamTree p = matrixAndVector(3f, 4f);
    run(lars(0.2, 0.1, 1.0, 0, false, MATRICES), p, 1.0, matrixAndVector(0f, 0f));
    assertArrayEquals(new float[] {2.85f, 3.8f}, p.data(0), 2e-7f);
    assertArrayEquals(new float[] {3f, 4f}, p.data(1), 0f);
  }

  @Test
  void larsTrustRatioFallsBackToOneNotEta() {
    // ‖p‖ = 0: r = 1 (optax), not η: with lr 1, μ 0 the step is the whole gradient.
    ParamTree p = Trees.vector(0f, 0f);
    run(lars(0, 1e-3, 0, 0, false, ALL), p, 1.0, Trees.vector(0.6f, 0.8f));
    assertArrayEquals(new float[] {-0.6f, -0.8f}, p.data(0), 0f);
  }
}
