package org.optbench.claims;

import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A number in a check, overall and seed by seed. A median or mean over runs is evaluated once over
 * all its runs ({@link #overall}) and once per seed over that seed's runs ({@link #bySeed}), so
 * that a comparison of two such values can use the per-seed differences: runs that share a seed
 * share their data, initial weights and batch order, and what remains of a difference is the
 * optimizer's. Constants and the other aggregates (count, min, max, sum, std) are exact: they
 * have no per-seed values.
 *
 * @param overall the value over all runs
 * @param bySeed seed → the value over that seed's runs; empty for an exact value
 */
record SeedwiseValue(double overall, SortedMap<Long, Double> bySeed) {

  static SeedwiseValue exact(double value) {
    return new SeedwiseValue(value, new TreeMap<>());
  }

  boolean isExact() {
    return bySeed.isEmpty();
  }

  SeedwiseValue map(DoubleUnaryOperator f) {
    SortedMap<Long, Double> mapped = new TreeMap<>();
    bySeed.forEach((seed, v) -> mapped.put(seed, f.applyAsDouble(v)));
    return new SeedwiseValue(f.applyAsDouble(overall), mapped);
  }

  /**
   * {@code this op other}, overall and for every seed both define (an exact value is defined for
   * every seed).
   */
  SeedwiseValue combine(SeedwiseValue other, DoubleBinaryOperator op) {
    SortedMap<Long, Double> combined = new TreeMap<>();
    if (isExact()) {
      other.bySeed.forEach((seed, v) -> combined.put(seed, op.applyAsDouble(overall, v)));
    } else if (other.isExact()) {
      bySeed.forEach((seed, v) -> combined.put(seed, op.applyAsDouble(v, other.overall)));
    } else {
      bySeed.forEach((seed, v) -> {
        Double w = other.bySeed.get(seed);
        if (w != null) {
          combined.put(seed, op.applyAsDouble(v, w));
        }
      });
    }
    return new SeedwiseValue(op.applyAsDouble(overall, other.overall), combined);
  }
}
