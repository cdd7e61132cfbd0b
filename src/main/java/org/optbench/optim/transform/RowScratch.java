package org.optbench.optim.transform;

/**
 * Chunk-sized work arrays, indexed from 0, into which Adafactor's factored passes copy a row
 * segment before a loop that writes memory, plus the float accumulators of the first pass. C2 on
 * JDK 17 vectorises a loop that stores to a float[] only when every float[] access in it has the
 * same index expression: it cannot tell {@code p[off + c]} from {@code colFactor[c]} apart (both
 * float[], different invariant offsets), so it assumes they may overlap and leaves the loop
 * scalar, 3× slower. The row segments are copied in with {@code System.arraycopy} (from cache:
 * a small fraction of the loop's own cost), every access in the loop is then {@code x[c]}, and
 * results are copied back.
 */
final class RowScratch {

  /** Elements per chunk: a chunk of each array fits the L1 cache together. */
  static final int CHUNK = 1024;

  /**
   * Chunks (or rows) a float accumulator takes before it is added into double: 128 terms per
   * float sum, relative error at most 128·2⁻²⁴ ≈ 8e-6 and typically ~1e-7 (Higham 2002, §4.2).
   */
  static final int FLUSH = 128;

  final float[] p = new float[CHUNK];
  final float[] g = new float[CHUNK];
  final float[] m = new float[CHUNK];
  final float[] cols = new float[CHUNK];
  final float[] colFactors = new float[CHUNK];
  /** Work array of the pairwise row sum. */
  final float[] fold = new float[CHUNK / 2];
  /** Σx² by position within the chunk, over up to {@link #FLUSH} chunks. */
  final float[] paramSquares = new float[CHUNK];
  /** Σ_r g²[r, c] / R_r by column, over up to {@link #FLUSH} rows. */
  final float[] weightedSquares = new float[CHUNK];
  /** {@link #weightedSquares} flushed, in double, over the rows of one matrix. */
  final double[] weightedSquaresTotal = new double[CHUNK];
  /** Σx² flushed so far, over the tensor. */
  double paramSquaresTotal;
  /** Chunks in {@link #paramSquares} since its last flush. */
  int paramChunks;
  /** Widest chunk in {@link #paramSquares} since its last flush. */
  int paramWidth;

  /**
   * Copies the column factors {@code cf[off, off + len)} into {@link #colFactors}: once per
   * matrix for rows of one chunk, once per chunk for wider rows.
   */
  void loadColumnFactors(float[] cf, int off, int len) {
    System.arraycopy(cf, off, colFactors, 0, len);
  }
}
