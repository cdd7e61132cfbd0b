package org.optbench.optim.transform;

/**
 * The first pass of a factored Adafactor step over one matrix of a tensor, shared by both
 * variants: G and X are read once, row chunk by row chunk, for the row and column statistics of
 * G², Σx² (for RMS(X)) and, where rows fit one chunk, Σ_r g²[r, c]/R_r by column, from which
 * ΣU² follows without another pass over G:
 *
 * <pre>
 * U = G·rf·cf with rf_r² = mean(R)/R_r and cf_c² = 1/C_c, so
 * ΣU² = mean(R) · Σ_c (1/C_c) · Σ_r g²[r, c]/R_r
 * </pre>
 *
 * <p>transformers: R ← β̂R + (1 − β̂)·mean_cols(G² + ε₁), C likewise over rows. torch:
 * R ← lerp(R, mean_cols(G²), w), C likewise. Both are {@code C ← keep·C + Σ_rows w·(G² + add)/n}
 * accumulated row by row, so that memory is read in order.
 */
final class FactoredStatistics {

  private FactoredStatistics() {}

  /** Whether {@link #accumulate} also sums ΣU² by column for rows {@code m} wide. */
  static boolean weighsRows(int m) {
    return m <= RowScratch.CHUNK;
  }

  /**
   * Updates rows and cols of matrix {@code k} (n × m) from G, adds its Σx² to the scratch
   * accumulators, and, when {@code weigh} and {@link #weighsRows}, leaves Σ_r g²[r, c]/R_r in
   * {@code s.weightedSquaresTotal[0, m)}.
   *
   * @param lerp torch's row update {@code R += w·(mean − R)}; else transformers'
   *     {@code R = keep·R + w·mean}, with {@code add} (ε₁) in the mean
   */
  static void accumulate(float[] p, float[] g, float[] rows, float[] cols, int k, int n, int m,
      float keep, float w, float add, boolean lerp, boolean weigh, RowScratch s) {
    int colOff = k * m;
    for (int col = colOff; col < colOff + m; col++) {
      cols[col] *= keep;
    }
    boolean oneChunk = m <= RowScratch.CHUNK;
    if (oneChunk) {
      System.arraycopy(cols, colOff, s.cols, 0, m);
    }
    boolean weighted = weigh && oneChunk;
    if (weighted) {
      java.util.Arrays.fill(s.weightedSquaresTotal, 0, m, 0);
    }
    float wn = w / n;
    int pendingRows = 0;
    for (int r = 0; r < n; r++) {
      int off = (k * n + r) * m;
      double rowSum = 0;
      for (int c0 = 0; c0 < m; c0 += RowScratch.CHUNK) {
        int len = Math.min(RowScratch.CHUNK, m - c0);
        rowSum += chunk(p, g, off + c0, cols, colOff + c0, len, wn, add, !oneChunk, s);
      }
      int row = k * n + r;
      if (lerp) {
        rows[row] += w * ((float) (rowSum / m) - rows[row]);
      } else {
        // Σ(g² + ε₁) = Σg² + m·ε₁.
        rows[row] = keep * rows[row] + w * (float) ((rowSum + (double) m * add) / m);
      }
      if (weighted) {
        weigh(s.g, s.weightedSquares, m, 1 / rows[row]);
        if (++pendingRows == RowScratch.FLUSH) {
          flushWeighted(s, m);
          pendingRows = 0;
        }
      }
    }
    if (weighted) {
      flushWeighted(s, m);
    }
    if (oneChunk) {
      System.arraycopy(s.cols, 0, cols, colOff, m);
    }
  }

  /** Adds the scratch's pending Σx² into its double total; returns the tensor's Σx². */
  static double paramSquares(RowScratch s) {
    flushParams(s);
    double total = s.paramSquaresTotal;
    s.paramSquaresTotal = 0;
    return total;
  }

  /** Σ_c weightedSquaresTotal[c] / cols[colOff + c] over matrix columns [0, m). */
  static double overColumns(RowScratch s, float[] cols, int colOff, int m) {
    double sum = 0;
    for (int c = 0; c < m; c++) {
      sum += s.weightedSquaresTotal[c] / cols[colOff + c];
    }
    return sum;
  }

  /**
   * One row chunk. The column sums are always accumulated in {@code s.cols}: for rows of one
   * chunk it holds the matrix's columns throughout (copied in and out by the caller), else this
   * chunk's, copied in and out here. With a second call site on cols itself, C2 compiled the
   * inlined loop 30–50% slower (JDK 17.0.15).
   */
  private static double chunk(float[] p, float[] g, int off, float[] cols, int colOff, int len,
      float wn, float add, boolean copyColumns, RowScratch s) {
    System.arraycopy(g, off, s.g, 0, len);
    System.arraycopy(p, off, s.p, 0, len);
    if (copyColumns) {
      System.arraycopy(cols, colOff, s.cols, 0, len);
    }
    addToColumns(s.g, s.cols, len, wn, add);
    if (copyColumns) {
      System.arraycopy(s.cols, 0, cols, colOff, len);
    }
    addSquares(s.p, s.paramSquares, len);
    s.paramWidth = Math.max(s.paramWidth, len);
    if (++s.paramChunks == RowScratch.FLUSH) {
      flushParams(s);
    }
    return PairwiseSum.sumOfSquares(s.g, len, s.fold);
  }

  // Separate loops: one loop storing g², the column sums and Σx² together ran 30% slower than
  // separate loops (JDK 17 C2); g² is recomputed where needed instead of stored.

  private static void addToColumns(float[] g, float[] cols, int len, float wn, float add) {
    for (int c = 0; c < len; c++) {
      cols[c] += wn * (g[c] * g[c] + add);
    }
  }

  private static void addSquares(float[] x, float[] sums, int len) {
    for (int c = 0; c < len; c++) {
      sums[c] += x[c] * x[c];
    }
  }

  private static void weigh(float[] g, float[] weighted, int len, float inverseRow) {
    for (int c = 0; c < len; c++) {
      weighted[c] += g[c] * g[c] * inverseRow;
    }
  }

  private static void flushWeighted(RowScratch s, int m) {
    for (int c = 0; c < m; c++) {
      s.weightedSquaresTotal[c] += s.weightedSquares[c];
    }
    java.util.Arrays.fill(s.weightedSquares, 0, m, 0f);
  }

  private static void flushParams(RowScratch s) {
    s.paramSquaresTotal += PairwiseSum.sumInDouble(s.paramSquares, s.paramWidth);
    java.util.Arrays.fill(s.paramSquares, 0, s.paramWidth, 0f);
    s.paramChunks = 0;
    s.paramWidth = 0;
  }
}
