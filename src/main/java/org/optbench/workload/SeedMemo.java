package org.optbench.workload;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * Seeded data computed once per seed. A grid trains several optimizers on the same workload and
 * seed; generating their identical dataset once per cell would spend the time on data, not on the
 * optimizers being compared.
 */
final class SeedMemo<T> implements LongFunction<T> {

  private final LongFunction<T> source;
  private final Map<Long, T> values = new ConcurrentHashMap<>();

  SeedMemo(LongFunction<T> source) {
    this.source = source;
  }

  @Override
  public T apply(long seed) {
    return values.computeIfAbsent(seed, source::apply);
  }
}
