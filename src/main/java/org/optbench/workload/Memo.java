package org.optbench.workload;

import java.util.function.LongFunction;
import java.util.function.Supplier;

/** Data that does not depend on the seed, computed on first use and shared by every seed. */
final class Memo<T> implements LongFunction<T> {

  private final Supplier<T> source;
  private T value;

  Memo(Supplier<T> source) {
    this.source = source;
  }

  @Override
  public synchronized T apply(long seed) {
    if (value == null) {
      value = source.get();
    }
    return value;
  }
}
