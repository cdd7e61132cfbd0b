package org.optbench.dataset;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Characters (Unicode code points) ↔ token ids, built from the training text only. Id 0 stands for
 * any character the training text lacks, so held-out text and prompts always encode; the other
 * ids follow code-point order, which makes a vocabulary the same whoever builds it.
 */
public final class CharVocabulary {

  /** The id of characters outside the vocabulary. */
  public static final int UNKNOWN = 0;

  /** How {@link #UNKNOWN} decodes: U+FFFD REPLACEMENT CHARACTER. */
  private static final int REPLACEMENT = 0xFFFD;

  private final int[] codePoints;
  private final Map<Integer, Integer> ids = new HashMap<>();

  private CharVocabulary(int[] codePoints) {
    this.codePoints = codePoints;
    for (int id = 1; id < codePoints.length; id++) {
      ids.put(codePoints[id], id);
    }
  }

  /** The vocabulary of {@code text}. */
  public static CharVocabulary of(String text) {
    TreeSet<Integer> seen = new TreeSet<>();
    text.codePoints().forEach(seen::add);
    int[] codePoints = new int[seen.size() + 1];
    codePoints[UNKNOWN] = REPLACEMENT;
    int id = 1;
    for (int codePoint : seen) {
      codePoints[id++] = codePoint;
    }
    return new CharVocabulary(codePoints);
  }

  /** Number of ids, the unknown one included. */
  public int size() {
    return codePoints.length;
  }

  /** The ids of {@code text}'s characters. */
  public int[] encode(String text) {
    return text.codePoints().map(c -> ids.getOrDefault(c, UNKNOWN)).toArray();
  }

  /** The text of {@code tokens}. */
  public String decode(int[] tokens) {
    StringBuilder text = new StringBuilder();
    for (int token : tokens) {
      text.appendCodePoint(codePoints[token]);
    }
    return text.toString();
  }
}
