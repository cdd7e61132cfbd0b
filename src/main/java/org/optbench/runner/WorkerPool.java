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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.optbench.io.CellStore;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.RunSummary;
import org.optbench.spec.Cell;
import org.optbench.spec.ExperimentSpec;

/**
 * Trains the cells of a grid: in this JVM alone, or, for {@code run --workers K}, in this JVM and
 * K − 1 child JVMs at once. Processes, not threads: libtorch fixes its thread count when the
 * engine loads, once per JVM, and DJL's PyTorch gradient collector allows one collecting scope
 * per process, so two cells cannot train concurrently in one JVM. This JVM is one of the K because its
 * engine is loaded and warm, and it would otherwise only wait: one child fewer to start.
 *
 * <p>Each child runs {@code optbench worker} on the same class path and spec, takes one cell at a
 * time from this parent (so a slow cell never holds up a queue), and writes the finished run into
 * the experiment's {@link CellStore}; the parent publishes the result set as for a serial run.
 * Children are started by {@link #start}, before the parent computes which cells need training,
 * so that their JVM start overlaps with that work; cells are handed out {@link LongestFirst}. A
 * failure (a child that dies, or a cell that throws here) fails the grid after the others finish
 * their current cells; every run stored so far is kept and reused by the next invocation.
 */
final class WorkerPool implements AutoCloseable {

  private final ExperimentSpec spec;
  private final CellStore store;
  private final LocalTrainer here;
  private final Path specFile;
  private final List<Process> children;
  private final PrintStream log;

  private WorkerPool(ExperimentSpec spec, CellStore store, Path specFile, List<Process> children,
      PrintStream log) {
    this.spec = spec;
    this.store = store;
    this.here = new LocalTrainer(store);
    this.specFile = specFile;
    this.children = children;
    this.log = log;
  }

  /**
   * Starts the children that {@code workers} asks for beyond this JVM, one per cell of {@code
   * cells} at most; {@code log} hears when the work turns out too little to repay them.
   */
  static WorkerPool start(ExperimentSpec spec, List<Cell> cells, CellStore store, int threads,
      int workers, PrintStream log) throws IOException {
    int count = Math.min(workers, cells.size()) - 1;
    if (count <= 0) {
      return new WorkerPool(spec, store, null, List.of(), log);
    }
    // In the work folder, not /tmp: a copy a killed parent leaves is found and removed by the
    // experiment's next run (see Leftovers).
    Path specFile = store.workerSpecCopy();
    List<Process> started = new ArrayList<>();
    WorkerPool pool = new WorkerPool(spec, store, specFile, started, log);
    try {
      Files.writeString(specFile, spec.text(), StandardCharsets.UTF_8);
      for (int w = 0; w < count; w++) {
        started.add(startChild(specFile, store, threads));
      }
      return pool;
    } catch (IOException | RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * Trains {@code cells} (once per pool), storing each run under its key in {@code keys}; every
   * run trained is on disk when this returns, or throws.
   */
  void train(List<Cell> cells, Map<String, String> keys, ProgressDisplay progress)
      throws IOException {
    try {
      trainAll(cells, keys, progress);
    } catch (IOException | RuntimeException | Error e) {
      // The runs finished before the failure are still stored, as the class comment promises.
      try {
        here.awaitStored();
      } catch (IOException | RuntimeException | Error alsoFailed) {
        e.addSuppressed(alsoFailed);
      }
      throw e;
    }
    here.awaitStored();
  }

  /** The summaries of the runs this JVM trained, by run id (children's runs are in the store). */
  Map<String, RunSummary> trainedHere() {
    return here.trained();
  }

  private void trainAll(List<Cell> cells, Map<String, String> keys, ProgressDisplay progress)
      throws IOException {
    if (children.isEmpty()) {
      for (Cell cell : cells) {
        here.train(cell, keys.get(cell.runId()), progress == null ? RunListener.NONE : progress);
      }
      return;
    }
    adviseOnSize(cells);
    Queue<Cell> queue = new ConcurrentLinkedQueue<>(LongestFirst.order(cells, here::workload));
    // The first (longest) cell is this JVM's: it is ready now, a child may still be starting.
    Cell first = queue.poll();
    AtomicReference<Exception> failure = new AtomicReference<>();
    List<Thread> feeders = new ArrayList<>();
    try {
      for (Process child : children) {
        Thread feeder = new Thread(
            () -> feed(child, queue, keys, progress, failure), "worker-" + child.pid());
        feeder.start();
        feeders.add(feeder);
      }
      trainHere(first, queue, keys, progress, failure);
    } finally {
      queue.clear(); // however this JVM's share ended, hand out no more cells
      join(feeders);
    }
    if (failure.get() != null) {
      throw new IOException("a worker failed: " + failure.get().getMessage(), failure.get());
    }
  }

  /** Says when the work is too little to repay the workers started ({@link PoolSize}). */
  private void adviseOnSize(List<Cell> cells) {
    double seconds = PoolSize.seconds(cells, here::workload);
    int repaid = PoolSize.repaid(seconds);
    int busy = Math.min(children.size() + 1, cells.size());
    if (repaid < busy) {
      log.printf("%s: about %.0f s of training is too little to repay %d workers (a worker JVM"
              + " spends ~8 s of CPU before it trains at full speed); --workers %d is likely faster%n",
          spec.name(), seconds, busy, repaid);
    }
  }

  /** Ends children that got no cells (their input closes, they exit) and removes the spec copy. */
  @Override
  public void close() throws IOException {
    try (LocalTrainer trainer = here) {
      for (Process child : children) {
        child.getOutputStream().close();
        child.waitFor();
      }
    } catch (InterruptedException e) {
      children.forEach(Process::destroyForcibly);
      Thread.currentThread().interrupt();
    } finally {
      if (specFile != null) {
        Files.deleteIfExists(specFile);
      }
    }
  }

  /**
   * This JVM's share: {@code first}, then cells from the queue until it is empty or a worker has
   * failed.
   */
  private void trainHere(Cell first, Queue<Cell> queue, Map<String, String> keys,
      ProgressDisplay progress, AtomicReference<Exception> failure) {
    // Run ends only: the progress bar counts whole cells when several train at once.
    RunListener listener = progress == null ? RunListener.NONE : new RunListener() {
      @Override
      public void onRunEnd(RunSummary summary) {
        progress.onRunEnd(summary);
      }
    };
    try {
      for (Cell cell = first; cell != null && failure.get() == null; cell = queue.poll()) {
        here.train(cell, keys.get(cell.runId()), listener);
      }
    } catch (IOException | RuntimeException e) {
      failure.compareAndSet(null, e);
    }
  }

  private void feed(Process child, Queue<Cell> queue, Map<String, String> keys,
      ProgressDisplay progress, AtomicReference<Exception> failure) {
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

  /** Waits for every feeder, so that no child outlives the pool's work. */
  private static void join(List<Thread> feeders) throws IOException {
    try {
      for (Thread feeder : feeders) {
        feeder.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for workers", e);
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

  private static Process startChild(Path specFile, CellStore store, int threads) throws IOException {
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
