package org.optbench.optim.transform;

/**
 * Σ x[0, len)² for len ≤ {@link RowScratch#CHUNK} by pairwise summation (Higham 2002, §4.2:
 * error ≤ log₂(len)·2⁻²⁴ of Σ|x|): x is zero-padded to a power of two and halved repeatedly,
 * {@code t[c] = x[c] + x[c + h]} (the first halving squares). Each halving is a loop over constant bounds and offsets, which
 * C2 vectorises; a running sum would wait on each add's latency, and C2 on JDK 17 does not
 * vectorise float reductions.
 */
final class PairwiseSum {

  private PairwiseSum() {}

  /** Σx²; pads x with zeros up to the next power of two and overwrites {@code t}. */
  static float sumOfSquares(float[] x, int len, float[] t) {
    if (len <= 16) {
      float s = 0;
      for (int c = 0; c < len; c++) {
        s += x[c] * x[c];
      }
      return s;
    }
    int size = 32;
    while (size < len) {
      size <<= 1;
    }
    java.util.Arrays.fill(x, len, size, 0f);
    firstHalving(x, size, t);
    switch (size / 2) {
      case 512:
        for (int c = 0; c < 256; c++) {
          t[c] += t[c + 256];
        }
        // fall through
      case 256:
        for (int c = 0; c < 128; c++) {
          t[c] += t[c + 128];
        }
        // fall through
      case 128:
        for (int c = 0; c < 64; c++) {
          t[c] += t[c + 64];
        }
        // fall through
      case 64:
        for (int c = 0; c < 32; c++) {
          t[c] += t[c + 32];
        }
        // fall through
      case 32:
        for (int c = 0; c < 16; c++) {
          t[c] += t[c + 16];
        }
        // fall through
      default:
        for (int c = 0; c < 8; c++) {
          t[c] += t[c + 8];
        }
    }
    return ((t[0] + t[1]) + (t[2] + t[3])) + ((t[4] + t[5]) + (t[6] + t[7]));
  }

  /** t[c] = x[c]² + x[c + size/2]², leaving x intact. */
  private static void firstHalving(float[] x, int size, float[] t) {
    switch (size) {
      case 1024 -> {
        for (int c = 0; c < 512; c++) {
          t[c] = x[c] * x[c] + x[c + 512] * x[c + 512];
        }
      }
      case 512 -> {
        for (int c = 0; c < 256; c++) {
          t[c] = x[c] * x[c] + x[c + 256] * x[c + 256];
        }
      }
      case 256 -> {
        for (int c = 0; c < 128; c++) {
          t[c] = x[c] * x[c] + x[c + 128] * x[c + 128];
        }
      }
      case 128 -> {
        for (int c = 0; c < 64; c++) {
          t[c] = x[c] * x[c] + x[c + 64] * x[c + 64];
        }
      }
      case 64 -> {
        for (int c = 0; c < 32; c++) {
          t[c] = x[c] * x[c] + x[c + 32] * x[c + 32];
        }
      }
      default -> {
        for (int c = 0; c < 16; c++) {
          t[c] = x[c] * x[c] + x[c + 16] * x[c + 16];
        }
      }
    }
  }

  /** Σ x[0, len) in double (for flushing float accumulators; not on a per-element path). */
  static double sumInDouble(float[] x, int len) {
    double s0 = 0;
    double s1 = 0;
    int c = 0;
    for (; c + 1 < len; c += 2) {
      s0 += x[c];
      s1 += x[c + 1];
    }
    if (c < len) {
      s0 += x[c];
    }
    return s0 + s1;
  }
}
