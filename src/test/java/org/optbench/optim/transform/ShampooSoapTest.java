package org.optbench.optim.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.Trees;

/** Shampoo and SOAP steps computed by hand from the papers' formulas. */
class ShampooSoapTest {

  private static final float[] DIAGONAL_G = {2, 0, 0, 0, 1, 0};

  private static ParamTree matrix(float... values) {
    return Trees.tensor(new int[] {2, 3}, values);
  }

  private static float[] step(GradientTransform t, TransformState s, ParamTree p, ParamTree g,
      int step, double lr) {
    float[] before = p.data(0).clone();
    Trees.step(t, s, p, g, StepContext.of(step, lr, Double.NaN));
    float[] delta = new float[before.length];
    for (int j = 0; j < delta.length; j++) {
      delta[j] = p.data(0)[j] - before[j];
    }
    return delta;
  }

  /**
   * Gupta et al. 2018, Algorithm 1, ε = 1e-4, lr 0.1, G = [[2, 0, 0], [0, 1, 0]]. Step 1:
   * L = G·Gᵀ = diag(4, 1), R = Gᵀ·G = diag(4, 1, 0), so L̂·G·R̂ has (0,0) = 2·(4.0001)^(−1/4)²
   * = 2/√4.0001 = 2/2.0000250 = 0.9999875 and (1,1) = 1/√1.0001 = 0.9999500. Step 2, same G:
   * L = diag(8, 2), (0,0) = 2/√8.0001 = 0.7071024, (1,1) = 1/√2.0001 = 0.7070891 (the paper's
   * sums shrink the step as AdaGrad does).
   */
  @Test
  void shampooOnADiagonalGradient() {
    GradientTransform shampoo = ShampooUpdate.shampoo(1.0, 1e-4, 1, 1024, 0);
    ParamTree p = matrix(new float[6]);
    TransformState s = shampoo.init(p);
    assertArrayEquals(new float[] {-0.09999875f, 0, 0, 0, -0.09999500f, 0},
        step(shampoo, s, p, matrix(DIAGONAL_G.clone()), 1, 0.1), 1e-7f);
    assertArrayEquals(new float[] {-0.07071024f, 0, 0, 0, -0.07070891f, 0},
        step(shampoo, s, p, matrix(DIAGONAL_G.clone()), 2, 0.1), 1e-7f);
  }

  /**
   * precondition_frequency 2: the roots of step 1 serve step 2, so the second step repeats the
   * first (0.9999875, 0.9999500) instead of shrinking to 0.7071.
   */
  @Test
  void shampooKeepsItsRootsBetweenRefreshes() {
    GradientTransform shampoo = ShampooUpdate.shampoo(1.0, 1e-4, 2, 1024, 0);
    ParamTree p = matrix(new float[6]);
    TransformState s = shampoo.init(p);
    step(shampoo, s, p, matrix(DIAGONAL_G.clone()), 1, 0.1);
    assertArrayEquals(new float[] {-0.09999875f, 0, 0, 0, -0.09999500f, 0},
        step(shampoo, s, p, matrix(DIAGONAL_G.clone()), 2, 0.1), 1e-7f);
  }

  /**
   * A vector is order 1 (Algorithm 2): L = g·gᵀ and exponent −1/2, full-matrix AdaGrad. For
   * g = (3, 4), g is L's eigenvector with eigenvalue 25, so L̂·g = g/√25.0001 = g/5.00001 =
   * (0.5999988, 0.7999984) (with −1/4 it would be g/√5). The root's other eigenvalue,
   * (0 + ε)^(−1/2) = 100 along (−0.8, 0.6), makes its float32 entries ~64, whose rounding
   * (ulp 7.6e-6) moves the result by a few 1e-6: the tolerance.
   */
  @Test
  void shampooTakesTheSquareRootForVectors() {
    GradientTransform shampoo = ShampooUpdate.shampoo(1.0, 1e-4, 1, 1024, 0);
    ParamTree p = Trees.vector(0, 0);
    TransformState s = shampoo.init(p);
    assertArrayEquals(new float[] {-0.5999988f, -0.7999984f},
        step(shampoo, s, p, Trees.vector(3, 4), 1, 1.0), 1e-5f);
  }

  /**
   * max_precond_dim 2 with G = [[1, 2, 0], [0, 0, 0]] (2 × 3), ε = 1e-6: the rows keep L =
   * diag(5, 0); the 3 columns keep only diag(Gᵀ·G) = (1, 4, 0). Row 0 of the update is
   * 5^(−1/4)·(1·1^(−1/4), 2·4^(−1/4), 0) = 0.6687403·(1, 1.4142136, 0) = (0.6687403, 0.9457416,
   * 0). The full R = [[1, 2, 0], [2, 4, 0], [0, 0, 0]] would give (1, 2, 0)/√5 = (0.447, 0.894, 0).
   */
  @Test
  void shampooKeepsTheDiagonalAboveMaxPrecondDim() {
    GradientTransform shampoo = ShampooUpdate.shampoo(1.0, 1e-6, 1, 2, 0);
    ParamTree p = matrix(new float[6]);
    TransformState s = shampoo.init(p);
    assertArrayEquals(new float[] {-0.6687403f, -0.9457416f, 0, 0, 0, 0},
        step(shampoo, s, p, matrix(1, 2, 0, 0, 0, 0), 1, 1.0), 1e-6f);
  }

  /**
   * Blocking (Anil et al. 2020, §3), block_size 2, ε = 1e-4, lr 1, G = [[1, 0, 2, 0], [0, 0, 0,
   * 0]] (2 × 4): two 2 × 2 blocks, [[1, 0], [0, 0]] and [[2, 0], [0, 0]], each its own
   * parameter: L = R = diag(g², 0), so its (0,0) is g·(g² + ε)^(−1/2): 1/√1.0001 = 0.9999500 and
   * 2/√4.0001 = 0.9999875. Unblocked, L = diag(5, 0) and R = GᵀG has G's row (1, 0, 2, 0) as
   * its eigenvector (eigenvalue 5): the row becomes (1, 0, 2, 0)/√5.0001 = (0.4472091, 0,
   * 0.8944182, 0), the entries' relative sizes kept instead of both equalised near 1. The
   * roots' ε^(−1/4) = 10 in their null spaces, rounded to float32, move this by a few 1e-7.
   */
  @Test
  void shampooPreconditionsEachBlockOnItsOwn() {
    int[] shape = {2, 4};
    float[] g = {1, 0, 2, 0, 0, 0, 0, 0};
    GradientTransform blocked = ShampooUpdate.shampoo(1.0, 1e-4, 1, 1024, 2, 0);
    ParamTree p = Trees.tensor(shape, new float[8]);
    assertArrayEquals(new float[] {-0.9999500f, 0, -0.9999875f, 0, 0, 0, 0, 0},
        step(blocked, blocked.init(p), p, Trees.tensor(shape, g.clone()), 1, 1.0), 1e-6f);
    GradientTransform whole = ShampooUpdate.shampoo(1.0, 1e-4, 1, 1024, 0);
    ParamTree q = Trees.tensor(shape, new float[8]);
    assertArrayEquals(new float[] {-0.4472091f, 0, -0.8944182f, 0, 0, 0, 0, 0},
        step(whole, whole.init(q), q, Trees.tensor(shape, g.clone()), 1, 1.0), 2e-6f);
  }

  /**
   * A vector is cut into blocks of block_size entries, each full-matrix AdaGrad (order 1) on its
   * own: g = (3, 4, 0, 5), block_size 2 ⇒ (3, 4)/√25.0001 = (0.5999988, 0.7999984) and
   * (0, 5)/√25.0001 = (0, 0.999998), where the whole vector gives g/√50.0001 = (0.4242636,
   * 0.5656849, 0, 0.7071061). Tolerance as for the unblocked vector above (the root's ε^(−1/2)
   * eigenvalue in float32).
   */
  @Test
  void shampooCutsAVectorIntoBlocksOfEntries() {
    GradientTransform shampoo = ShampooUpdate.shampoo(1.0, 1e-4, 1, 1024, 2, 0);
    ParamTree p = Trees.vector(0, 0, 0, 0);
    assertArrayEquals(new float[] {-0.5999988f, -0.7999984f, 0, -0.999998f},
        step(shampoo, shampoo.init(p), p, Trees.vector(3, 4, 0, 5), 1, 1.0), 1e-5f);
  }

  /** λ·p is added to the direction before lr: p = 1 everywhere, G = 0 ⇒ Δ = −lr·λ = −0.01. */
  @Test
  void shampooWeightDecayIsAddedToTheDirection() {
    GradientTransform shampoo = ShampooUpdate.shampoo(1.0, 1e-4, 1, 1024, 0.1);
    ParamTree p = matrix(1, 1, 1, 1, 1, 1);
    TransformState s = shampoo.init(p);
    float[] delta = step(shampoo, s, p, matrix(new float[6]), 1, 0.1);
    assertArrayEquals(new float[] {-0.01f, -0.01f, -0.01f, -0.01f, -0.01f, -0.01f}, delta, 1e-8f);
  }

  private static SoapUpdate.Options soap(double weightDecay) {
    return new SoapUpdate.Options(0.95, 0.95, 0.95, 1e-8, weightDecay, 10, 10000, false, true);
  }

  /**
   * soap.py's first step only builds L, R and their bases: nothing moves, not even by weight
   * decay. Step 2 in the eigenbasis of L = 0.05·diag(4, 1), R = 0.05·diag(4, 1, 0), which is the
   * identity up to signs: Adam's first step, m/√v = (1 − β1)/√(1 − β2)·sign(G') = √0.05 =
   * 0.2236068, times lr·√(1 − β2)/(1 − β1) = lr·4.472136: Δ = −lr·sign(G) = −0.1 at (0,0) and
   * (1,1), 0 elsewhere.
   */
  @Test
  void soapSkipsItsFirstStepThenTakesAdamsStepInTheEigenbasis() {
    GradientTransform t = SoapUpdate.soap(soap(0));
    ParamTree p = matrix(1, 1, 1, 1, 1, 1);
    TransformState s = t.init(p);
    assertArrayEquals(new float[6], step(t, s, p, matrix(DIAGONAL_G.clone()), 1, 0.1), 0f);
    assertArrayEquals(new float[] {-0.1f, 0, 0, 0, -0.1f, 0},
        step(t, s, p, matrix(DIAGONAL_G.clone()), 2, 0.1), 1e-6f);
  }

  /**
   * The rotation matters: a 2 × 1 weight, g₁ = (3, 4), so L ∝ g₁g₁ᵀ has eigenvectors
   * q₁ = (0.6, 0.8) (eigenvalue 25·0.05) and q₂ = (−0.8, 0.6) (0). Step 2 with g₂ = (1, 0):
   * G' = Qᵀg₂ = (0.6, −0.8); Adam's first step there is √0.05·(1, −1); back in the parameter
   * basis √0.05·(q₁ − q₂) = √0.05·(1.4, 0.2); times lr·4.472136: Δ = −lr·(1.4, 0.2) = (−0.14,
   * −0.02), where Adam would move only the first coordinate.
   */
  @Test
  void soapRunsAdamInTheRotatedBasis() {
    GradientTransform t = SoapUpdate.soap(soap(0));
    ParamTree p = Trees.tensor(new int[] {2, 1}, 0, 0);
    TransformState s = t.init(p);
    step(t, s, p, Trees.tensor(new int[] {2, 1}, 3, 4), 1, 0.1);
    assertArrayEquals(new float[] {-0.14f, -0.02f},
        step(t, s, p, Trees.tensor(new int[] {2, 1}, 1, 0), 2, 0.1), 1e-6f);
  }

  /**
   * Weight decay after the step, on the moved parameter (soap.py): p = 1 at (0,0) moves to
   * 1 − 0.1 = 0.9, then 0.9·(1 − 0.1·0.5) = 0.855; p = 1 elsewhere → 0.95.
   */
  @Test
  void soapDecaysTheMovedWeight() {
    GradientTransform t = SoapUpdate.soap(soap(0.5));
    ParamTree p = matrix(1, 1, 1, 1, 1, 1);
    TransformState s = t.init(p);
    step(t, s, p, matrix(DIAGONAL_G.clone()), 1, 0.1);
    step(t, s, p, matrix(DIAGONAL_G.clone()), 2, 0.1);
    assertArrayEquals(new float[] {0.855f, 0.95f, 0.95f, 0.95f, 0.855f, 0.95f}, p.data(0), 1e-6f);
  }
}
