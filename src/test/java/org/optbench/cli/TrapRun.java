package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The array script run by bash as Slurm would run task 2 of array job 99, with stand-ins on
 * {@code PATH}, its output in a file; for signalling it as {@code --signal=B:USR1} does.
 */
final class TrapRun {

  private final Process process;
  private final Path log;
  private final Path record;

  private TrapRun(Process process, Path log, Path record) {
    this.process = process;
    this.log = log;
    this.record = record;
  }

  /** Starts {@code script}, with {@code bin} first on PATH, and waits for its launcher. */
  static TrapRun start(Path script, Path bin, Path record) throws Exception {
    Path log = Files.createTempFile(bin.getParent(), "trap", ".log");
    ProcessBuilder builder = new ProcessBuilder("bash", script.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    builder.environment().put("SLURM_ARRAY_JOB_ID", "99");
    builder.environment().put("SLURM_ARRAY_TASK_ID", "2");
    TrapRun run = new TrapRun(builder.start(), log, record);
    run.await(() -> Files.exists(record) && Files.readString(record).contains("started"),
        "the launcher to start");
    return run;
  }

  /** USR1 to the batch shell only, as {@code --signal=B:USR1@...} sends it. */
  void signalUsr1() throws Exception {
    Process kill = new ProcessBuilder("kill", "-USR1", Long.toString(process.pid())).start();
    assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -USR1 failed");
  }

  void awaitLog(String text) throws Exception {
    await(() -> log().contains(text), "'" + text + "' in the script's output");
  }

  int awaitExit() throws Exception {
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("the script did not end within 20 s:\n" + log());
    }
    return process.exitValue();
  }

  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  private interface Check {
    boolean holds() throws IOException;
  }

  private void await(Check check, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!check.holds()) {
      if (System.nanoTime() > deadline || !process.isAlive() && !check.holds()) {
        process.destroyForcibly();
        fail("waited in vain for " + what + "; output:\n" + log());
      }
      Thread.sleep(50);
    }
  }
}
