package org.optbench.spec;

import java.util.Collection;

/**
 * "Did you mean" hints for misspelt names and keys.
 *
 * <p>Distance is the optimal-string-alignment variant of Damerau–Levenshtein: insertions,
 * deletions, substitutions and swaps of two neighbouring letters each cost 1, because swapped
 * letters ({@code adma} for {@code adam}) are the commonest typo in short names.
 */
final class Suggestions {

  /** Names further away than this are more likely a different word than a typo. */
  static final int MAX_DISTANCE = 2;

  private Suggestions() {}

  /**
   * The known name closest to {@code word}, as {@code " (did you mean 'x'?)"}, or {@code ""} when
   * none is close. Ties go to the name listed first, so hints follow the catalogue's order.
   */
  static String didYouMean(String word, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d = distance(word, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    // A distance as large as the word itself means every letter changed: no longer a typo.
    if (best == null || bestDistance > MAX_DISTANCE || bestDistance >= word.length()) {
      return "";
    }
    return " (did you mean '" + best + "'?)";
  }

  /** Optimal-string-alignment distance between {@code a} and {@code b}. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
