package org.optbench.optim.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

  /**
   * A = [[5, 3], [3, 5]] has eigenvalues 8 along (1, 1)/√2 and 2 along (1, −1)/√2, so
   * A^(−1/2) = ½(8^(−½) + 2^(−½))·I-part + ½(8^(−½) − 2^(−½))·off-diagonal: diagonal
   * (0.3535534 + 0.7071068)/2 = 0.5303301, off-diagonal (0.3535534 − 0.7071068)/2 = −0.1767767.
   */
  @Test
  void inverseSquareRootOfATwoByTwo() {
    float[] root = new float[4];
    SymmetricEigen.inverseRoot(new float[] {5, 3, 3, 5}, 2, 0, 2, root);
    assertArrayEquals(new float[] {0.5303301f, -0.1767767f, -0.1767767f, 0.5303301f}, root,
        1e-7f);
  }

  /** diag(16, 81)^(−1/4) = diag(1/2, 1/3); eigenvalues largest first. */
  @Test
  void eigenvaluesComeLargestFirst() {
    SymmetricEigen e = SymmetricEigen.of(new float[] {16, 0, 0, 81}, 2);
    assertEquals(81, e.values()[0], 1e-12);
    assertEquals(1, Math.abs(e.vectors()[1 * 2 + 0]), 1e-12);
    float[] root = new float[4];
    SymmetricEigen.inverseRoot(new float[] {16, 0, 0, 81}, 2, 0, 4, root);
    assertArrayEquals(new float[] {0.5f, 0, 0, 1f / 3}, root, 1e-7f);
  }

  /**
   * One refresh of SOAP's basis: for S = diag(1, 3) and Q = I, the estimates are (1, 3), so the
   * columns swap (order (1, 0)); S·Q sorted = [[0, 1], [3, 0]], whose QR has Q = ±[[0, 1], [1, 0]].
   */
  @Test
  void refreshSortsByEstimatedEigenvalue() {
    float[] q = {1, 0, 0, 1};
    int[] order = Eigenbasis.refresh(new float[] {1, 0, 0, 3}, q, 2);
    assertArrayEquals(new int[] {1, 0}, order);
    assertArrayEquals(new float[] {0, 1, 1, 0},
        new float[] {Math.abs(q[0]), Math.abs(q[1]), Math.abs(q[2]), Math.abs(q[3])}, 1e-7f);
    float[] v = {10, 20, 30, 40, 50, 60};
    Eigenbasis.permute(v, 2, 3, new int[] {1, 0}, true);
    assertArrayEquals(new float[] {40, 50, 60, 10, 20, 30}, v);
  }

  /**
   * The workspace's unboxed sort gives the permutation of the stable boxed sort it replaced (ties
   * in index order, −0.0 below 0.0 and NaN first, as {@link Double#compare} orders them).
   */
  @Test
  void sortDescendingMatchesAStableBoxedSort() {
    Random random = new Random(7);
    double[] pool = {0.0, -0.0, 1.5, -2, Double.NaN, 3, 3};
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(40);
      double[] keys = new double[n];
      for (int j = 0; j < n; j++) {
        keys[j] = random.nextBoolean() ? pool[random.nextInt(pool.length)] : random.nextGaussian();
      }
      Integer[] boxed = new Integer[n];
      for (int j = 0; j < n; j++) {
        boxed[j] = j;
      }
      Arrays.sort(boxed, Comparator.comparingDouble((Integer j) -> keys[j]).reversed());
      int[] order = new int[n];
      EigenWorkspace.sortDescending(keys, order, n);
      assertArrayEquals(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray(), order);
    }
  }
}
