package org.optbench.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.optbench.io.CellStore;
import org.optbench.spec.Cell;
import org.optbench.spec.ExperimentSpec;

/**
 * Trains cells in K child JVMs at once ({@code run --workers K}). Processes, not threads: libtorch
 * fixes its thread count when the engine loads, once per JVM, and DJL's PyTorch gradient collector
 * allows one collecting scope per process, so two cells cannot train concurrently in one JVM.
 *
 * <p>Each child runs {@code optbench worker} on the same class path and spec, takes one cell at a
 * time from this parent (so a slow cell never holds up a queue), and writes the finished run into
 * the experiment's {@link CellStore}; the parent publishes the result set as for a serial run. A
 * child that dies fails the grid after the other children finish their current cells; every run
 * stored so far is kept and reused by the next invocation.
 */
final class WorkerPool {

  private WorkerPool() {}

  static void train(
      ExperimentSpec spec,
      List<Cell> cells,
      Map<String, String> keys,
      CellStore store,
      int threads,
      int workers,
      ProgressDisplay progress)
      throws IOException {
    Path specFile = Files.createTempFile("optbench-worker-", ".yaml");
    try {
      Files.writeString(specFile, spec.text(), StandardCharsets.UTF_8);
      ConcurrentLinkedQueue<Cell> queue = new ConcurrentLinkedQueue<>(cells);
      AtomicReference<Exception> failure = new AtomicReference<>();
      List<Thread> feeders = new ArrayList<>();
      int count = Math.min(workers, cells.size());
      for (int w = 0; w < count; w++) {
        Process child = start(specFile, store, threads);
        Thread feeder =
            new Thread(() -> feed(child, queue, keys, store, progress, failure), "worker-" + w);
        feeder.start();
        feeders.add(feeder);
      }
      for (Thread feeder : feeders) {
        feeder.join();
      }
      if (failure.get() != null) {
        throw new IOException("a worker failed: " + failure.get().getMessage(), failure.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for workers", e);
    } finally {
      Files.deleteIfExists(specFile);
    }
  }

  private static void feed(
      Process child,
      ConcurrentLinkedQueue<Cell> queue,
      Map<String, String> keys,
      CellStore store,
      ProgressDisplay progress,
      AtomicReference<Exception> failure) {
    try (PrintStream tasks = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8);
        BufferedReader answers =
            new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (Cell cell = queue.poll(); cell != null && failure.get() == null; cell = queue.poll()) {
        tasks.println(cell.runId() + " " + keys.get(cell.runId()));
        String answer = awaitDone(answers);
        if (!answer.equals(CellWorker.DONE + cell.runId())) {
          throw new IOException("worker answered '" + answer + "' for " + cell.label());
        }
        if (progress != null) {
          progress.onRunEnd(store.summary(cell));
        }
      }
    } catch (IOException | RuntimeException e) {
      failure.compareAndSet(null, e);
    } finally {
      try {
        if (child.waitFor() != 0) {
          failure.compareAndSet(null, new IOException("worker exited with status " + child.exitValue()));
        }
      } catch (InterruptedException e) {
        child.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The next "done" line; other output of the child (logging) is passed through to stderr. */
  private static String awaitDone(BufferedReader answers) throws IOException {
    for (String line = answers.readLine(); line != null; line = answers.readLine()) {
      if (line.startsWith(CellWorker.DONE)) {
        return line;
      }
      System.err.println(line);
    }
    throw new IOException("worker ended before finishing its cell (see its messages above)");
  }

  private static Process start(Path specFile, CellStore store, int threads) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Heap, direct-memory and -D settings of this JVM apply to the children too; debugger and
    // agent options do not (a second JVM cannot bind the same debug port).
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("-Xm") || arg.startsWith("-XX:") || arg.startsWith("-D")) {
        command.add(arg);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.optbench.cli.Main");
    command.add("worker");
    command.add(specFile.toString());
    command.add("--out");
    command.add(store.dir().getParent().toString());
    command.add("--threads");
    command.add(Integer.toString(threads));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }
}
