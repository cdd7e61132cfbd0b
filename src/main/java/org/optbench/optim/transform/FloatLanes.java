package org.optbench.optim.transform;

/**
 * Sums of squares over array ranges as Adafactor's passes need them: blocks of {@value #BLOCK}
 * elements summed in float over eight independent lanes, the block sums added in double (the
 * scheme of {@code TreeMath.requireFinite}). One running sum would wait on the previous add's
 * latency every element, and a double conversion per element costs as much as the rest of the
 * pass. Within a block the relative error is at most 128·2⁻²⁴ ≈ 8e-6 (Higham 2002, §4.2, for
 * the 128 terms of a lane) and typically ~1e-7, the accuracy of the float32 means that
 * transformers' and torch's Adafactor take of the same squares.
 */
final class FloatLanes {

  /** Elements per float block: 8 lanes × 128 terms. */
  static final int BLOCK = 1024;

  private FloatLanes() {}

  /** Σ x² over {@code x[from, to)}. */
  static double sumOfSquares(float[] x, int from, int to) {
    double total = 0;
    for (int start = from; start < to; start += BLOCK) {
      total += blockSumOfSquares(x, start, Math.min(to, start + BLOCK));
    }
    return total;
  }

  /** Σ (x[from + j]·s[sFrom + j])² over j in [0, length). */
  static double sumOfScaledSquares(float[] x, int from, float[] s, int sFrom, int length) {
    double total = 0;
    for (int j = 0; j < length; j += BLOCK) {
      int n = Math.min(BLOCK, length - j);
      total += blockSumOfScaledSquares(x, from + j, s, sFrom + j, n);
    }
    return total;
  }

  private static float blockSumOfSquares(float[] x, int from, int to) {
    float a0 = 0;
    float a1 = 0;
    float a2 = 0;
    float a3 = 0;
    float a4 = 0;
    float a5 = 0;
    float a6 = 0;
    float a7 = 0;
    int k = from;
    for (; k + 7 < to; k += 8) {
      a0 += x[k] * x[k];
      a1 += x[k + 1] * x[k + 1];
      a2 += x[k + 2] * x[k + 2];
      a3 += x[k + 3] * x[k + 3];
      a4 += x[k + 4] * x[k + 4];
      a5 += x[k + 5] * x[k + 5];
      a6 += x[k + 6] * x[k + 6];
      a7 += x[k + 7] * x[k + 7];
    }
    for (; k < to; k++) {
      a0 += x[k] * x[k];
    }
    return ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7));
  }

  private static float blockSumOfScaledSquares(float[] x, int from, float[] s, int sFrom, int n) {
    float a0 = 0;
    float a1 = 0;
    float a2 = 0;
    float a3 = 0;
    float a4 = 0;
    float a5 = 0;
    float a6 = 0;
    float a7 = 0;
    int k = 0;
    for (; k + 7 < n; k += 8) {
      float u0 = x[from + k] * s[sFrom + k];
      float u1 = x[from + k + 1] * s[sFrom + k + 1];
      float u2 = x[from + k + 2] * s[sFrom + k + 2];
      float u3 = x[from + k + 3] * s[sFrom + k + 3];
      float u4 = x[from + k + 4] * s[sFrom + k + 4];
      float u5 = x[from + k + 5] * s[sFrom + k + 5];
      float u6 = x[from + k + 6] * s[sFrom + k + 6];
      float u7 = x[from + k + 7] * s[sFrom + k + 7];
      a0 += u0 * u0;
      a1 += u1 * u1;
      a2 += u2 * u2;
      a3 += u3 * u3;
      a4 += u4 * u4;
      a5 += u5 * u5;
      a6 += u6 * u6;
      a7 += u7 * u7;
    }
    for (; k < n; k++) {
      float u = x[from + k] * s[sFrom + k];
      a0 += u * u;
    }
    return ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7));
  }
}
