package org.optbench.spec;

/**
 * Where a run stands in a tuning protocol: an ordinary grid cell, one trial of a tuning study, or
 * a rerun of the setting a study selected. Trials and reruns are ordinary runs in every other
 * respect (resume, shards, workers, merge and compare treat them like any cell).
 *
 * @param role grid, trial or final
 * @param solver the tuned optimizer entry the run belongs to, as scores name it (for example
 *     {@code adam} or {@code sgd(momentum=0.9)}, followed by its clip, schedule and engine when
 *     those are not the only ones); empty for grid cells
 * @param study the study, counted from 0; -1 for grid cells
 * @param index the trial within its study, counted from 0 (for a final run: the trial it reruns);
 *     -1 for grid cells
 */
public record Trial(Role role, String solver, int study, int index) {

  /** The part a run plays. */
  public enum Role {
    /** A cell of the grid as written: no tuning. */
    GRID,
    /** One point of a tuning study's search. */
    TRIAL,
    /** The point a study selected, rerun on each of the spec's seeds. */
    FINAL;

    /** The word runs.csv writes: {@code grid}, {@code trial} or {@code final}. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The role a runs.csv word names; GRID for an empty word (result sets written before tuning). */
    public static Role parse(String word) {
      for (Role role : values()) {
        if (role.word().equals(word)) {
          return role;
        }
      }
      if (word == null || word.isEmpty()) {
        return GRID;
      }
      throw new IllegalArgumentException("unknown role '" + word + "'; expected grid, trial or final");
    }
  }

  /** An ordinary grid cell. */
  public static final Trial NONE = new Trial(Role.GRID, "", -1, -1);

  public Trial {
    if ((role == Role.GRID) != (study < 0)) {
      throw new IllegalArgumentException("a grid cell has no study, a tuned run has one");
    }
  }

  public boolean tuned() {
    return role != Role.GRID;
  }

  /** The text a cell's identity carries; empty for grid cells, so their run ids stay as they were. */
  String identity() {
    return tuned() ? "|tuning=" + role.word() + ":" + solver + ":" + study + ":" + index : "";
  }

  /**
   * The tuning unit this run belongs to: a study's trials and reruns train in the same shard,
   * because the reruns depend on every trial's result.
   */
  public String unit() {
    return solver + "#" + study;
  }
}
