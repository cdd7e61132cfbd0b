package org.optbench.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Element ids from cell labels: the first 10 hex digits of the label's SHA-256, so that a cell
 * keeps its id from one comparison to the next; a second cell of the same label gets a suffix.
 */
final class CompareIds {

  private final Set<String> taken = new HashSet<>();

  /** A new id for the cell {@code label}. */
  String next(String label) {
    String base = hash(label);
    String id = base;
    for (int k = 2; !taken.add(id); k++) {
      id = base + "-" + k;
    }
    return id;
  }

  private static String hash(String label) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(label.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 5; i++) {
        hex.append(String.format(Locale.ROOT, "%02x", digest[i]));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
