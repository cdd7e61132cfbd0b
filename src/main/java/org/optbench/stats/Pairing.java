package org.optbench.stats;

/** Whether a comparison used per-seed differences or two independent samples. */
public enum Pairing {
  /** One value per group (a summary of one cell): nothing is compared. */
  NONE,
  /** Differences of values that share a seed: data, initial weights and batch order cancel. */
  PAIRED,
  /** No common seeds: the two groups are compared as independent samples. */
  UNPAIRED
}
