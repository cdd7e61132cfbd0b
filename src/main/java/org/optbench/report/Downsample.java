package org.optbench.report;

import java.util.Arrays;

/**
 * Thins long curves for display; the CSV files keep every step. A browser draws a few thousand
 * points per line smoothly, not the 10<sup>5</sup> of a long run, and a screen cannot show more
 * points than it has pixels anyway. Both methods keep the extremes of every bucket, so spikes and
 * divergence stay visible (the "min-max" decimation of plotting libraries).
 */
final class Downsample {

  /** Points per line in the report. */
  static final int MAX_POINTS = 1000;

  private Downsample() {}

  /** A thinned line. */
  record Line(double[] x, double[] y) {}

  /** A thinned band between a lower and an upper curve. */
  record Band(double[] x, double[] lo, double[] hi) {}

  /**
   * At most {@code maxPoints} points of the line {@code (x, y)}: the input is cut into {@code
   * maxPoints / 2} buckets of consecutive points, and of each bucket the lowest and highest point
   * are kept, in x order.
   */
  static Line minMax(double[] x, double[] y, int maxPoints) {
    int n = x.length;
    if (n <= maxPoints) {
      return new Line(x, y);
    }
    int buckets = maxPoints / 2;
    double[] outX = new double[2 * buckets];
    double[] outY = new double[2 * buckets];
    int k = 0;
    for (int b = 0; b < buckets; b++) {
      int from = (int) ((long) b * n / buckets);
      int to = (int) ((long) (b + 1) * n / buckets);
      int lo = from;
      int hi = from;
      for (int i = from + 1; i < to; i++) {
        if (y[i] < y[lo]) {
          lo = i;
        }
        if (y[i] > y[hi]) {
          hi = i;
        }
      }
      int first = Math.min(lo, hi);
      int second = Math.max(lo, hi);
      outX[k] = x[first];
      outY[k++] = y[first];
      if (second != first) {
        outX[k] = x[second];
        outY[k++] = y[second];
      }
    }
    return new Line(Arrays.copyOf(outX, k), Arrays.copyOf(outY, k));
  }

  /**
   * At most {@code maxPoints} points of the band between {@code lo} and {@code hi}: per bucket the
   * lowest {@code lo} and highest {@code hi}, held flat from the bucket's first to its last x, so
   * that the thinned band still contains every original point. NaN (no band at that point) is
   * passed over; a bucket with no band at all stays NaN, a gap.
   */
  static Band envelope(double[] x, double[] lo, double[] hi, int maxPoints) {
    int n = x.length;
    if (n <= maxPoints) {
      return new Band(x, lo, hi);
    }
    int buckets = maxPoints / 2;
    double[] outX = new double[2 * buckets];
    double[] outLo = new double[2 * buckets];
    double[] outHi = new double[2 * buckets];
    int k = 0;
    for (int b = 0; b < buckets; b++) {
      int from = (int) ((long) b * n / buckets);
      int to = (int) ((long) (b + 1) * n / buckets);
      double min = Double.NaN;
      double max = Double.NaN;
      for (int i = from; i < to; i++) {
        if (!Double.isNaN(lo[i])) {
          min = Double.isNaN(min) ? lo[i] : Math.min(min, lo[i]);
        }
        if (!Double.isNaN(hi[i])) {
          max = Double.isNaN(max) ? hi[i] : Math.max(max, hi[i]);
        }
      }
      for (int i : new int[] {from, to - 1}) {
        outX[k] = x[i];
        outLo[k] = min;
        outHi[k++] = max;
      }
    }
    return new Band(outX, outLo, outHi);
  }
}
