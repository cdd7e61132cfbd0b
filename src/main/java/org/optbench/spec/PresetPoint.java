package org.optbench.spec;

/**
 * One grid point that a {@code preset} entry of {@code grid.optimizer} gives: an optimizer with
 * its own clipping method and schedule. Such a point is not crossed with the {@code grid.clip} and
 * {@code grid.schedule} axes; it makes one cell per workload, seed and engine.
 *
 * @param preset the preset's name, e.g. {@code gpt3}
 * @param optimizer the resolved optimizer
 * @param clip the resolved clipping method
 * @param schedule the resolved schedule
 */
public record PresetPoint(String preset, Component optimizer, Component clip, Component schedule) {

  /** E.g. {@code gpt3: adamw(lr=6.0E-4,...) · global_norm · warmup_cosine}. */
  public String label() {
    return preset + ": " + optimizer.label() + " · " + clip.label() + " · " + schedule.label();
  }
}
