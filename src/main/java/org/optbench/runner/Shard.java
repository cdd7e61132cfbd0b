package org.optbench.runner;

import java.util.ArrayList;
import java.util.List;
import org.optbench.spec.Cell;

/**
 * One of {@code count} disjoint parts of a grid, {@code index} counted from 0 (the convention of
 * Kubernetes' {@code JOB_COMPLETION_INDEX}). Unit {@code k} of the grid, in grid order, belongs to
 * shard {@code k mod count}, where a unit is one cell, or one tuning study (its trials, and the
 * reruns of the trial it selects, which need every trial's result): the assignment depends on the
 * spec alone, every cell is in exactly one shard, and shard sizes differ by at most one unit.
 * Dealing round-robin also gives every shard a mix of workloads, so shards take similar times.
 *
 * @param index this shard, {@code 0 ≤ index < count}
 * @param count number of shards
 */
public record Shard(int index, int count) {

  /** The whole grid. */
  public static final Shard ALL = new Shard(0, 1);

  public Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "shard " + index + "/" + count + ": need 0 ≤ i < N, e.g. 0/4 … 3/4");
    }
  }

  /** Parses {@code i/N}, e.g. {@code 0/4}. */
  public static Shard parse(String text) {
    String[] parts = text.strip().split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("shard '" + text + "': expected i/N, e.g. 0/4");
    }
    try {
      return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("shard '" + text + "': expected i/N, e.g. 0/4");
    }
  }

  /** The cells of {@code grid} (in grid order) that belong to this shard, in grid order. */
  public List<Cell> select(List<Cell> grid) {
    List<Cell> mine = new ArrayList<>();
    java.util.Map<String, Integer> units = new java.util.HashMap<>();
    for (Cell cell : grid) {
      int unit = units.computeIfAbsent(TunedGrid.unit(cell), u -> units.size());
      if (unit % count == index) {
        mine.add(cell);
      }
    }
    return mine;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
