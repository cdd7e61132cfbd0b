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
 * R ← lerp(R, mean_cols(G²), w), C likewise. Both are {@code C ← keep·C + Σ_rows w·(G² + add)/n},
 * G² accumulated row by row, so that memory is read in order, and the {@code add} (ε₁) terms
 * added once at the end.
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
      int row = k * n + r;
      if (weighted) {
        // The row is one chunk: its Σg² first, so that one loop then reads g² for the column
        // sums and, weighted by 1/R_r, for ΣU².
        System.arraycopy(g, off, s.g, 0, m);
        double rowSum = PairwiseSum.sumOfSquares(s.g, m, s.fold);
        addParamSquares(p, off, m, s);
        updateRow(rows, row, rowSum, m, keep, w, add, lerp);
        addToColumnsWeighted(s.g, s.cols, s.weightedSquares, m, wn, 1 / rows[row]);
        if (++pendingRows == RowScratch.FLUSH) {
          flushWeighted(s, m);
          pendingRows = 0;
        }
      } else {
        double rowSum = 0;
        for (int c0 = 0; c0 < m; c0 += RowScratch.CHUNK) {
          int len = Math.min(RowScratch.CHUNK, m - c0);
          rowSum += chunk(p, g, off + c0, cols, colOff + c0, len, wn, !oneChunk, s);
        }
        updateRow(rows, row, rowSum, m, keep, w, add, lerp);
      }
    }
    if (weighted) {
      flushWeighted(s, m);
    }
    if (oneChunk) {
      addConstant(s.cols, 0, m, n * (wn * add));
      System.arraycopy(s.cols, 0, cols, colOff, m);
    } else {
      addConstant(cols, colOff, m, n * (wn * add));
    }
  }

  /**
   * The ε₁ part of the column sums, Σ_rows w·ε₁/n, added once: inside the per-element loop it
   * cost an addition per element and changed nothing but columns of (near-)zero gradients,
   * where g² + ε₁ rounds to other than g² (|g| below about 3e-12 for ε₁ = 1e-30).
   */
  private static void addConstant(float[] x, int from, int len, float a) {
    if (a != 0) {
      for (int c = from; c < from + len; c++) {
        x[c] += a;
      }
    }
  }

  private static void updateRow(float[] rows, int row, double rowSum, int m, float keep, float w,
      float add, boolean lerp) {
    if (lerp) {
      rows[row] += w * ((float) (rowSum / m) - rows[row]);
    } else {
      // Σ(g² + ε₁) = Σg² + m·ε₁.
      rows[row] = keep * rows[row] + w * (float) ((rowSum + (double) m * add) / m);
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
      float wn, boolean copyColumns, RowScratch s) {
    System.arraycopy(g, off, s.g, 0, len);
    if (copyColumns) {
      System.arraycopy(cols, colOff, s.cols, 0, len);
    }
    addToColumns(s.g, s.cols, len, wn);
    if (copyColumns) {
      System.arraycopy(s.cols, 0, cols, colOff, len);
    }
    addParamSquares(p, off, len, s);
    return PairwiseSum.sumOfSquares(s.g, len, s.fold);
  }

  /**
   * Adds x² over {@code p[off, off + len)} into the scratch's float sums by position (an
   * elementwise loop over the chunk copied into scratch: cheaper than a pairwise sum per row,
   * whose short halving loops cost more than the one store per element they save).
   */
  private static void addParamSquares(float[] p, int off, int len, RowScratch s) {
    System.arraycopy(p, off, s.p, 0, len);
    addSquares(s.p, s.paramSquares, len);
    s.paramWidth = Math.max(s.paramWidth, len);
    if (++s.paramChunks == RowScratch.FLUSH) {
      flushParams(s);
    }
  }

  private static void addSquares(float[] x, float[] sums, int len) {
    for (int c = 0; c < len; c++) {
      sums[c] += x[c] * x[c];
    }
  }

  private static void addToColumns(float[] g, float[] cols, int len, float wn) {
    for (int c = 0; c < len; c++) {
      cols[c] += wn * (g[c] * g[c]);
    }
  }

  /** {@link #addToColumns} and Σ_r g²[r, c]/R_r by column in one loop: g² is read once. */
  private static void addToColumnsWeighted(float[] g, float[] cols, float[] weighted, int len,
      float wn, float inverseRow) {
    for (int c = 0; c < len; c++) {
      float gc = g[c];
      cols[c] += wn * (gc * gc);
      weighted[c] += gc * gc * inverseRow;
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
