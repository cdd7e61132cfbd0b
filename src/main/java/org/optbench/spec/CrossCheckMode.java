package org.optbench.spec;

import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The spec's optional top-level {@code crosscheck:} key: whether each cell's engine-side
 * optimizer is also checked against the native one, and how.
 *
 * <ul>
 *   <li>{@code none} (default): no cross-check.
 *   <li>{@code lockstep}: at every step both implementations start from the same parameters and
 *       state and receive the same gradients; per step and tensor the differences of the updated
 *       parameters and of the optimizer states.
 *   <li>{@code trajectory}: both train independently from the same initialisation and data
 *       order; per step how far parameters and losses have moved apart.
 * </ul>
 *
 * <p>The key is validated by {@link SpecParser} like every other; {@link #of} reads it back from
 * the spec's text, so {@link ExperimentSpec} keeps its shape.
 */
public enum CrossCheckMode {
  NONE,
  LOCKSTEP,
  TRAJECTORY;

  /** The spec key. */
  public static final String KEY = "crosscheck";

  /** The word a spec writes. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode a word names, or null for an unknown word. */
  static CrossCheckMode parse(String word) {
    for (CrossCheckMode mode : values()) {
      if (mode.word().equals(word)) {
        return mode;
      }
    }
    return null;
  }

  /** The words specs may use, for messages. */
  static String words() {
    return "none, lockstep, trajectory";
  }

  /** The mode of a validated spec. */
  public static CrossCheckMode of(ExperimentSpec spec) {
    Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(spec.text());
    if (root instanceof Map<?, ?> map && map.get(KEY) != null) {
      CrossCheckMode mode = parse(String.valueOf(map.get(KEY)));
      if (mode != null) {
        return mode;
      }
    }
    return NONE;
  }
}
