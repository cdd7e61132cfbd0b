package org.optbench.score;

/**
 * What "time" means in a time to target: optimizer steps (hardware-free, comparable across
 * machines, blind to per-step cost) or training seconds (what AlgoPerf scores: wall-clock
 * training time, which charges an optimizer for an expensive step).
 */
public enum TimeAxis {
  /** The step number of the evaluation that reached the target. */
  STEPS,
  /** Cumulative training seconds at that evaluation (evaluation time excluded). */
  SECONDS
}
