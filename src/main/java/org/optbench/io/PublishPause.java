package org.optbench.io;

import java.nio.file.Path;

/**
 * A pause just before a file of a given name replaces its target, so that a test can kill optbench
 * at that moment: {@code IncrementalRunTest} sets {@value #PROPERTY} to {@code steps.parquet} and
 * sends SIGKILL while a run joins its steps into the staging folder. Without the property, which
 * nothing but that test sets, it costs one property look-up per atomic write.
 */
final class PublishPause {

  static final String PROPERTY = "optbench.test.pauseBeforeReplacing";

  /** Long enough for the test to see the moment and kill; the test never lets it end. */
  private static final long MILLIS = 120_000;

  private PublishPause() {}

  static void beforeReplacing(Path target) {
    String name = System.getProperty(PROPERTY);
    if (name == null || !name.equals(target.getFileName().toString())) {
      return;
    }
    try {
      Thread.sleep(MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
