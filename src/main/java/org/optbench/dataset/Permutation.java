package org.optbench.dataset;

import java.util.SplittableRandom;

/** Uniform random permutations (Fisher–Yates / Knuth shuffle, TAOCP vol. 2, Algorithm 3.4.2 P). */
final class Permutation {

  private Permutation() {}

  /** A uniformly random permutation of 0..n−1. */
  static int[] of(int n, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    return order;
  }
}
