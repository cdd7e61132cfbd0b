package org.optbench.optim.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PairwiseSum against the summation order its comment documents, written here as recursion
 * (Higham 2002, §4.2): up to 16 values summed in turn; else zero-padded to the next power of two
 * (at least 32), each value paired with the one half the length away, down to 8 partial sums
 * added as ((t0 + t1) + (t2 + t3)) + ((t4 + t5) + (t6 + t7)). Bit-for-bit, at every length class,
 * and within the pairwise error bound of the exact sum.
 */
class PairwiseSumTest {

  @ParameterizedTest(name = "len {0}")
  @ValueSource(ints = {1, 7, 16, 17, 31, 32, 33, 63, 64, 65, 100, 128, 129, 200, 256, 257, 300,
      512, 513, 700, 1000, 1024})
  void sumsInTheDocumentedOrder(int len) {
    Random random = new Random(len);
    float[] x = new float[RowScratch.CHUNK];
    for (int i = 0; i < x.length; i++) {
      // Values beyond len are junk the padding must overwrite.
      x[i] = (float) (random.nextGaussian() * (i < len ? 1 : 1e6));
    }
    float[] original = x.clone();
    float expected = reference(original, len);
    float[] scratch = new float[RowScratch.CHUNK];
    java.util.Arrays.fill(scratch, 1e30f);
    float actual = PairwiseSum.sumOfSquares(x, len, scratch);
    assertEquals(expected, actual, 0f);
    double exact = 0;
    double magnitude = 0;
    for (int i = 0; i < len; i++) {
      exact += (double) original[i] * original[i];
      magnitude += Math.abs((double) original[i] * original[i]);
    }
    double bound = (Math.ceil(Math.log(Math.max(len, 2)) / Math.log(2)) + 2) * 0x1p-24 * magnitude;
    assertEquals(exact, actual, bound);
  }

  private static float reference(float[] x, int len) {
    if (len <= 16) {
      float s = 0;
      for (int i = 0; i < len; i++) {
        s += x[i] * x[i];
      }
      return s;
    }
    int size = 32;
    while (size < len) {
      size *= 2;
    }
    float[] squares = new float[size];
    for (int i = 0; i < len; i++) {
      squares[i] = x[i] * x[i];
    }
    return strided(squares, size);
  }

  /** Pairs element c with c + n/2 until 8 are left. */
  private static float strided(float[] t, int n) {
    if (n == 8) {
      return ((t[0] + t[1]) + (t[2] + t[3])) + ((t[4] + t[5]) + (t[6] + t[7]));
    }
    float[] half = new float[n / 2];
    for (int c = 0; c < n / 2; c++) {
      half[c] = t[c] + t[c + n / 2];
    }
    return strided(half, n / 2);
  }

  /** The double sum of a float range reads exactly len values, odd or even. */
  @ParameterizedTest(name = "len {0}")
  @ValueSource(ints = {0, 1, 4, 5})
  void sumInDoubleReadsExactlyLenValues(int len) {
    float[] x = {1, 2, 3, 4, 5, 1e6f, 1e6f};
    assertEquals(len * (len + 1) / 2.0, PairwiseSum.sumInDouble(x, len), 0);
  }
}
