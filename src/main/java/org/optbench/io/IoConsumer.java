package org.optbench.io;

import java.io.IOException;

/**
 * A consumer that may fail with an {@link IOException}, so that file-writing lambdas need no
 * wrapping.
 *
 * @param <T> what it consumes
 */
@FunctionalInterface
public interface IoConsumer<T> {
  void accept(T value) throws IOException;
}
