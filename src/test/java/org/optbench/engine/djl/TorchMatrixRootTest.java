package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.optbench.optim.linalg.SymmetricEigen;
import org.optbench.testing.ManagerPerTest;

/**
 * The engine's coupled Newton root against the native float64 eigendecomposition, on Shampoo's
 * kind of matrix: ε·I plus a float32 sum of outer products, rank-deficient (a 16 × 16 statistic
 * of 8-column gradients, condition number ~10⁶) or full rank. Measured: relative difference of
 * the float64 roots at most ~1e-11 (printed per case), so the float32 roots of the two engines
 * differ by at most an ulp.
 */
class TorchMatrixRootTest {

  @RegisterExtension final ManagerPerTest nd = new ManagerPerTest();

  @ParameterizedTest(name = "n {0}, rank {1}, eps {2}, p {3}")
  @CsvSource({"16, 8, 1e-4, 4", "16, 8, 1e-4, 2", "16, 16, 1e-6, 4", "8, 3, 1e-6, 4",
      "3, 1, 1e-4, 2", "40, 40, 1e-3, 4", "40, 10, 1e-5, 4"})
  void newtonMatchesTheEigendecomposition(int n, int rank, double eps, int p) {
    NDArray matrix = nd.get().create(shifted(n, rank, eps), new Shape(n, n));
    double[] newton = TorchMatrixRoot.inversePthRoot(matrix, p).toType(DataType.FLOAT64, false)
        .toDoubleArray();
    double[] expected = eigenRoot(n, rank, eps, p);
    double maxDiff = 0;
    double scale = 0;
    for (int k = 0; k < newton.length; k++) {
      maxDiff = Math.max(maxDiff, Math.abs(newton[k] - expected[k]));
      scale = Math.max(scale, Math.abs(expected[k]));
    }
    double relative = maxDiff / scale;
    System.out.printf("newton root n %d rank %d eps %g p %d: max rel %.3g%n", n, rank, eps, p,
        relative);
    assertTrue(relative < 1e-9, "relative " + relative);
  }

  /**
   * ε = 1e-9 below the float32 rounding of a rank-3 8 × 8 statistic (|λ| ~ 1e-7 for its zero
   * eigenvalues): some λ + ε is negative and Newton does not converge; the caller falls back.
   */
  @Test
  void anIndefiniteMatrixDoesNotConverge() {
    NDArray matrix = nd.get().create(shifted(8, 3, 1e-9), new Shape(8, 8));
    assertNull(TorchMatrixRoot.inversePthRoot(matrix, 4));
  }

  /** The float32 statistic G·Gᵀ of an n × rank Gaussian G, seeded by its size. */
  private static float[] statistic(int n, int rank) {
    Random random = new Random(360 + n + rank);
    float[] g = new float[n * rank];
    for (int k = 0; k < g.length; k++) {
      g[k] = (float) random.nextGaussian();
    }
    float[] stat = new float[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int k = 0; k < rank; k++) {
          sum += (double) g[i * rank + k] * g[j * rank + k];
        }
        stat[i * n + j] = (float) sum;
      }
    }
    return stat;
  }

  private static double[] shifted(int n, int rank, double eps) {
    float[] stat = statistic(n, rank);
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i * n + j] = stat[i * n + j] + (i == j ? eps : 0);
      }
    }
    return a;
  }

  /** The native root, before its float32 rounding: V·diag((λ + ε)^(−1/p))·Vᵀ in float64. */
  private static double[] eigenRoot(int n, int rank, double eps, int p) {
    SymmetricEigen e = SymmetricEigen.of(statistic(n, rank), n);
    double[] v = e.vectors();
    double[] out = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
          sum += v[i * n + j] * Math.pow(e.values()[j] + eps, -1.0 / p) * v[k * n + j];
        }
        out[i * n + k] = sum;
      }
    }
    return out;
  }
}
