package org.optbench.optim.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FloatLanes' sums over a range in the middle of an array whose other elements are junk (1e6):
 * equal to the double sum within the blocked float error bound (128·2⁻²⁴ of the sum of
 * magnitudes, Higham 2002, §4.2), at lengths around the 8-lane and 1024-element block edges.
 */
class FloatLanesTest {

  private static final int FROM = 5;

  @ParameterizedTest(name = "length {0}")
  @ValueSource(ints = {1, 7, 8, 9, 15, 1023, 1024, 1025, 2500})
  void sumsOfSquaresOverARangeIgnoreTheRestOfTheArray(int length) {
    Random random = new Random(length);
    float[] x = junk(FROM + length + 9);
    float[] s = junk(3 + length + 9);
    double plain = 0;
    double scaled = 0;
    for (int j = 0; j < length; j++) {
      x[FROM + j] = (float) random.nextGaussian();
      s[3 + j] = (float) random.nextGaussian();
      plain += (double) x[FROM + j] * x[FROM + j];
      float u = x[FROM + j] * s[3 + j];
      scaled += (double) u * u;
    }
    assertEquals(plain, FloatLanes.sumOfSquares(x, FROM, FROM + length), 128 * 0x1p-24 * plain);
    assertEquals(scaled, FloatLanes.sumOfScaledSquares(x, FROM, s, 3, length),
        128 * 0x1p-24 * scaled);
  }

  private static float[] junk(int n) {
    float[] a = new float[n];
    java.util.Arrays.fill(a, 1e6f);
    return a;
  }
}
