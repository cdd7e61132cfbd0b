package org.optbench.spec;

import java.util.Optional;

/**
 * Bounds on what one spec may ask for, so that a typo (an extra zero, an alias list repeated
 * into a grid) is an error before anything runs rather than hours of training or a machine out
 * of memory. A spec raises them deliberately with a top-level {@code limits:} map (README,
 * "Writing a spec").
 *
 * @param maxRuns runs in the grid (all axes multiplied)
 * @param maxSteps training steps per run
 * @param maxParams trainable parameters of one workload's model
 * @param maxValues values (floats) in the largest thing a run holds: its dataset (inputs and
 *     targets of both splits), one parameter tensor, or one batch's largest activation
 */
public record Limits(long maxRuns, long maxSteps, long maxParams, long maxValues) {

  /** The top-level key. */
  public static final String KEY = "limits";

  /**
   * Each default lies far above every shipped experiment (the nightly grid: 990 runs; the
   * longest run: 5,000 steps; the largest model, fmnist_mlp at size full: 1.8 M parameters; the
   * largest dataset, full Fashion-MNIST: 55 M values) and far below what a two-core machine
   * with a few GB of memory can do in a day.
   */
  public static final Limits DEFAULTS = new Limits(20_000, 1_000_000, 50_000_000, 100_000_000);

  /**
   * The most {@code max_values} may be raised to: the longest Java array, less the few elements
   * a JVM reserves for the array header.
   */
  public static final long VALUES_CEILING = Integer.MAX_VALUE - 8;

  /**
   * What is wrong when {@code value} exceeds the limit named {@code key}, or empty when within.
   *
   * @param subject what has the value, e.g. {@code "the grid has"}, ending before the number
   * @param unit what the number counts, e.g. {@code "runs"}
   */
  public Optional<String> check(String key, String subject, long value, String unit) {
    long limit = get(key);
    if (value <= limit) {
      return Optional.empty();
    }
    String count = value == Long.MAX_VALUE ? "more than " + String.format("%,d", Long.MAX_VALUE)
        : String.format("%,d", value);
    String fix = key.equals("max_values") && value > VALUES_CEILING
        ? String.format("make it smaller: no Java array holds more than %,d values",
            VALUES_CEILING)
        : String.format("make it smaller, or raise the limit for a deliberate large study with"
            + " a top-level 'limits: {%s: %d}'", key, value);
    return Optional.of(String.format("%s %s %s, more than %s (%,d); %s",
        subject, count, unit, KEY + "." + key, limit, fix));
  }

  private long get(String key) {
    return switch (key) {
      case "max_runs" -> maxRuns;
      case "max_steps" -> maxSteps;
      case "max_params" -> maxParams;
      case "max_values" -> maxValues;
      default -> throw new IllegalArgumentException("no limit called " + key);
    };
  }
}
