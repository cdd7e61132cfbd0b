package org.optbench.dataset;

/**
 * A corpus cut into a training block and a held-out block, both contiguous: the first {@code 1 −
 * evalFraction} of the characters train, the rest evaluate. Contiguous blocks (not random lines)
 * keep held-out text from sharing sentences with the training text. The vocabulary comes from the
 * training block alone.
 *
 * @param vocabulary characters of the training block
 * @param train token ids of the training block
 * @param eval token ids of the held-out block
 */
public record TextSplit(CharVocabulary vocabulary, int[] train, int[] eval) {

  /** Splits {@code text}; {@code evalFraction} is in (0, 1). */
  public static TextSplit of(String text, double evalFraction) {
    int[] codePoints = text.codePoints().toArray();
    int cut = (int) Math.round(codePoints.length * (1 - evalFraction));
    String trainText = new String(codePoints, 0, cut);
    String evalText = new String(codePoints, cut, codePoints.length - cut);
    CharVocabulary vocabulary = CharVocabulary.of(trainText);
    return new TextSplit(vocabulary, vocabulary.encode(trainText), vocabulary.encode(evalText));
  }

  /**
   * Fails unless both blocks hold at least one window of {@code seqLen} + 1 characters and the
   * training block enough windows for one batch of {@code batchSize}, and the held-out block the
   * {@code evalWindows} an evaluation reads: checked when a workload is
   * made, so that a short corpus is reported before any run rather than when the first run reads
   * its data.
   *
   * @throws DatasetUnavailableException saying which block is short and what to change
   */
  public void requireWindows(int seqLen, int batchSize, int evalWindows) {
    long trainWindows = windowCount(train, seqLen);
    if (trainWindows < batchSize) {
      throw new DatasetUnavailableException(String.format(
          "the training text (the corpus's first %,d characters) makes %,d windows of seq_len"
              + " %d + 1 characters, fewer than one batch of batch_size %d; use a longer corpus,"
              + " a shorter seq_len or a smaller batch_size",
          train.length, trainWindows, seqLen, batchSize));
    }
    if (windowCount(eval, seqLen) < 1) {
      throw new DatasetUnavailableException(String.format(
          "the held-out text (the corpus's last %,d characters) is shorter than one window of"
              + " seq_len %d + 1 characters; use a longer corpus, a larger eval_fraction or a"
              + " shorter seq_len", eval.length, seqLen));
    }
    long available = windowCount(eval, seqLen);
    if (evalWindows > available) {
      throw new DatasetUnavailableException(String.format(
          "eval_windows %,d asks for more held-out windows than the held-out text has (%,d"
              + " windows of seq_len %d + 1 characters); lower eval_windows or raise eval_fraction",
          evalWindows, available, seqLen));
    }
  }

  private static long windowCount(int[] tokens, int seqLen) {
    return Math.max(0, (tokens.length - 1) / seqLen);
  }

  /**
   * Next-token examples: row i holds tokens [iT, iT + T) as inputs and [iT + 1, iT + T + 1) as
   * targets, with T = {@code seqLen}; rows do not overlap, and the held-out set keeps its first
   * {@code evalWindows} rows (evaluation cost stays fixed whatever the corpus size).
   *
   * @throws DatasetUnavailableException when a block is shorter than one window
   */
  public DataSplit windows(int seqLen, int evalWindows) {
    return new DataSplit(
        windows(train, seqLen, Integer.MAX_VALUE, "training"),
        windows(eval, seqLen, evalWindows, "held-out"));
  }

  private static TabularData windows(int[] tokens, int seqLen, int limit, String part) {
    int rows = Math.min(limit, (tokens.length - 1) / seqLen);
    if (rows < 1) {
      throw new DatasetUnavailableException(
          "the " + part + " text has " + tokens.length + " characters, fewer than one window of "
              + (seqLen + 1) + "; use a longer corpus or a shorter seq_len");
    }
    float[] x = new float[rows * seqLen];
    float[] y = new float[rows * seqLen];
    for (int i = 0; i < x.length; i++) {
      // Ids stay exact as floats below 2^24, far above any character vocabulary.
      x[i] = tokens[i];
      y[i] = tokens[i + 1];
    }
    return new TabularData(x, rows, seqLen, y, seqLen);
  }
}
