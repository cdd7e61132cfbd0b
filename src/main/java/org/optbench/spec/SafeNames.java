package org.optbench.spec;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for names that become file or folder names (experiment names from specs, from
 * manifests, from command lines): a single visible path element of letters, digits, '_', '.' and
 * '-', starting with a letter or digit, at most {@value #MAX_LENGTH} characters.
 *
 * <p>Why the length limit: optbench derives longer names from an experiment name (the staging
 * folder {@code .<name>.partial-<pid>-<nanos>}, the archive {@code <name>.<start>-<n>}, the work
 * folder {@code .<name>.cells}); 100 characters leaves room for those under the 255-byte limit
 * of common file systems. A leading letter or digit rules out "." and "..", and hidden names,
 * which optbench reserves for its staging and work folders.
 */
public final class SafeNames {

  /** Longest accepted name, in characters. */
  public static final int MAX_LENGTH = 100;

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private SafeNames() {}

  /**
   * What is wrong with {@code name} as a file name, or empty when it is safe.
   *
   * @param name the candidate name, possibly null
   */
  public static Optional<String> problem(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("a name is required");
    }
    if (name.length() > MAX_LENGTH) {
      return Optional.of(
          "name of " + name.length() + " characters is too long (at most " + MAX_LENGTH + ")");
    }
    if (!SAFE.matcher(name).matches() || name.contains("..")) {
      return Optional.of(
          "name '" + name + "' must start with a letter or digit and use only letters, digits,"
              + " '_', '.' and '-' (it becomes a folder name)");
    }
    return Optional.empty();
  }

  /** Whether {@code name} is safe as a single file name. */
  public static boolean isSafe(String name) {
    return problem(name).isEmpty();
  }
}
