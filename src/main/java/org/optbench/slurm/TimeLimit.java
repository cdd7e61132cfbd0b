package org.optbench.slurm;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Slurm time limit as {@code sbatch --time} takes it (sbatch(1)): {@code minutes},
 * {@code minutes:seconds}, {@code hours:minutes:seconds}, {@code days-hours},
 * {@code days-hours:minutes} or {@code days-hours:minutes:seconds}; {@code 0}, {@code INFINITE}
 * and {@code UNLIMITED} mean no limit. Slurm counts limits in whole minutes, rounding seconds up
 * ("Time resolution is one minute", sbatch(1)), and so does {@link #seconds}: {@code 1:30} is the
 * 120 s Slurm applies.
 */
public final class TimeLimit {

  private static final Pattern DAYS = Pattern.compile("(\\d+)-(\\d+)(?::(\\d+))?(?::(\\d+))?");
  private static final Pattern CLOCK = Pattern.compile("(\\d+)(?::(\\d+))?(?::(\\d+))?");

  private TimeLimit() {}

  /**
   * The limit Slurm applies, in seconds (whole minutes), empty for no limit.
   *
   * @throws IllegalArgumentException when {@code text} is none of sbatch's forms
   */
  public static OptionalLong seconds(String text) {
    String t = text.strip();
    if (t.equalsIgnoreCase("INFINITE") || t.equalsIgnoreCase("UNLIMITED")) {
      return OptionalLong.empty();
    }
    Matcher days = DAYS.matcher(t);
    if (days.matches()) {
      long total = number(days, 1) * 86_400 + number(days, 2) * 3_600 + number(days, 3) * 60
          + number(days, 4);
      return applied(total);
    }
    Matcher clock = CLOCK.matcher(t);
    if (clock.matches()) {
      long total;
      if (clock.group(3) != null) {
        total = number(clock, 1) * 3_600 + number(clock, 2) * 60 + number(clock, 3);
      } else {
        total = number(clock, 1) * 60 + number(clock, 2);
      }
      return applied(total);
    }
    throw new IllegalArgumentException("'" + text + "' is not a Slurm time limit; use minutes,"
        + " MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS (sbatch --time), e.g. 2:00:00");
  }

  private static OptionalLong applied(long seconds) {
    return seconds == 0 ? OptionalLong.empty() : OptionalLong.of((seconds + 59) / 60 * 60);
  }

  private static long number(Matcher m, int group) {
    return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
  }
}
