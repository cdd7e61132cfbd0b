package org.optbench.runner;

import java.time.Duration;
import java.util.Objects;

/**
 * How a run reports its progress.
 *
 * @param mode bar, lines, none, or chosen by whether a terminal is attached
 * @param every time between two progress lines (lines mode)
 */
public record ProgressSettings(ProgressMode mode, Duration every) {

  /** Lines every 30 s when no terminal is attached, a bar otherwise. */
  public static final ProgressSettings AUTO = new ProgressSettings(ProgressMode.AUTO,
      Duration.ofSeconds(30));

  /** Nothing. */
  public static final ProgressSettings NONE = new ProgressSettings(ProgressMode.NONE,
      Duration.ofSeconds(30));

  public ProgressSettings {
    Objects.requireNonNull(mode, "mode");
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("the progress interval must be positive, got " + every);
    }
  }
}
