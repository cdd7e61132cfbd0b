package org.optbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DownsampleTest {

  @Test
  void shortLinesAreKeptAsTheyAre() {
    double[] x = {1, 2, 3};
    double[] y = {5, 4, 6};
    Downsample.Line line = Downsample.minMax(x, y, 1000);
    assertSame(x, line.x());
    assertSame(y, line.y());
  }

  @Test
  void longLinesKeepEveryBucketsExtremesInStepOrder() {
    int n = 100_000;
    double[] x = IntStream.rangeClosed(1, n).asDoubleStream().toArray();
    double[] y = Arrays.stream(x).map(s -> Math.sin(s / 500)).toArray();
    y[12_345] = 50; // a spike must survive
    y[77_777] = -50;
    Downsample.Line line = Downsample.minMax(x, y, 1000);
    assertTrue(line.x().length <= 1000, "at most 1000 points: " + line.x().length);
    assertEquals(50, Arrays.stream(line.y()).max().orElseThrow());
    assertEquals(-50, Arrays.stream(line.y()).min().orElseThrow());
    for (int i = 1; i < line.x().length; i++) {
      assertTrue(line.x()[i] > line.x()[i - 1], "x ascending");
    }
  }

  @Test
  void envelopeContainsEveryOriginalPoint() {
    int n = 5000;
    double[] x = IntStream.rangeClosed(1, n).asDoubleStream().toArray();
    double[] lo = Arrays.stream(x).map(s -> -Math.abs(Math.sin(s))).toArray();
    double[] hi = Arrays.stream(x).map(s -> 1 + Math.abs(Math.cos(s))).toArray();
    Downsample.Band band = Downsample.envelope(x, lo, hi, 1000);
    assertEquals(1000, band.x().length);
    // Each original point lies within the band drawn at the bucket holding it.
    int k = 0;
    for (int i = 0; i < n; i++) {
      while (k + 1 < band.x().length && band.x()[k + 1] <= x[i] && band.x()[k] < x[i]) {
        k++;
      }
      assertTrue(band.lo()[k] <= lo[i] && hi[i] <= band.hi()[k], "point " + i);
    }
  }

  @Test
  void shortBandsAreKeptAsTheyAre() {
    double[] x = {1, 2};
    Downsample.Band band = Downsample.envelope(x, new double[] {0, 0}, new double[] {1, 1}, 10);
    assertArrayEquals(x, band.x());
  }

  @Test
  void envelopePassesOverPointsWithoutABandAndKeepsABucketWithoutOneAsAGap() {
    // Two buckets of four: the first has a band at steps 2-4 only (one seed at step 1), the
    // second none (one seed left after a divergence).
    double nan = Double.NaN;
    double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
    double[] lo = {nan, 1, 2, 3, nan, nan, nan, nan};
    double[] hi = {nan, 5, 6, 7, nan, nan, nan, nan};
    Downsample.Band band = Downsample.envelope(x, lo, hi, 4);
    assertArrayEquals(new double[] {1, 4, 5, 8}, band.x());
    assertArrayEquals(new double[] {1, 1, nan, nan}, band.lo());
    assertArrayEquals(new double[] {7, 7, nan, nan}, band.hi());
  }
}
