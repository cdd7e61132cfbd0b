package org.optbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Slurm commands a test of a real cluster needs (sinfo, squeue, scontrol, scancel), each run
 * with a time limit; and whether such a cluster is here at all.
 */
final class SlurmTools {

  private static final List<String> READY = List.of("idle", "mixed", "allocated", "completing");

  private SlurmTools() {}

  /** What a command printed (output and errors together) and its exit status. */
  record Output(int exit, String text) {}

  /** Runs {@code command}, at most 20 s. */
  static Output run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Output(-1, String.join(" ", command) + " did not answer within 20 s");
    }
    return new Output(process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
  }

  /**
   * Why no test can run on a cluster here, or empty when one can: Slurm answers, and one of its
   * nodes, ready for work, is this machine (the jobs must see the test's temporary folders).
   */
  static Optional<String> unavailable() throws InterruptedException {
    Output nodes;
    String host;
    try {
      nodes = run("sinfo", "-h", "-N", "-o", "%N %T");
      host = run("hostname", "-s").text();
    } catch (IOException e) {
      return Optional.of("sinfo not found (" + e.getMessage() + "): Slurm is not installed;"
          + " apt-get install slurm-wlm munge, then scripts/slurm-local.sh");
    }
    if (nodes.exit() != 0) {
      return Optional.of("sinfo failed (" + nodes.text() + "): no Slurm controller runs here;"
          + " scripts/slurm-local.sh starts one");
    }
    for (String line : nodes.text().lines().toList()) {
      String[] parts = line.strip().split("\\s+");
      if (parts.length == 2 && parts[0].equals(host)
          && READY.contains(parts[1].replaceAll("[*~#!%$@^-]+$", ""))) {
        return Optional.empty();
      }
    }
    return Optional.of("no node of this machine (" + host + ") ready in sinfo: '" + nodes.text()
        + "'; scripts/slurm-local.sh starts a one-node cluster");
  }

  /** A field of {@code scontrol show job ID}, e.g. JobState or Restarts; empty if unknown. */
  static Optional<String> jobField(String jobId, String field)
      throws IOException, InterruptedException {
    Output shown = run("scontrol", "show", "job", jobId);
    Matcher m = Pattern.compile("\\b" + field + "=(\\S+)").matcher(shown.text());
    return shown.exit() == 0 && m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Cancels every job of {@code ids} that is still known, ignoring those that are not. */
  static void cancel(List<String> ids) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("scancel"));
    command.addAll(ids);
    if (!ids.isEmpty()) {
      run(command.toArray(String[]::new));
    }
  }
}
