package org.optbench.testing;

/**
 * A thread that forces a garbage collection every few milliseconds until closed. A run trained
 * under it has its unreachable Java buffers freed, and their bytes handed out again, within a
 * step; numbers that still match an ordinary run's do not depend on when the JVM collects, nor on
 * what the JVM did before.
 */
public final class ForcedCollections implements AutoCloseable {

  private final long pauseMillis;
  private final Thread thread = new Thread(this::collect, "forced-collections");

  private ForcedCollections(long pauseMillis) {
    this.pauseMillis = pauseMillis;
  }

  /** Starts collecting, pausing {@code pauseMillis} after each collection. */
  public static ForcedCollections every(long pauseMillis) {
    ForcedCollections collections = new ForcedCollections(pauseMillis);
    collections.thread.setDaemon(true);
    collections.thread.start();
    return collections;
  }

  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join();
  }

  private void collect() {
    while (!Thread.currentThread().isInterrupted()) {
      System.gc();
      try {
        Thread.sleep(pauseMillis);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
