package org.optbench.slurm;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds and runs {@code sbatch}, returning the job id that {@code --parsable} prints. */
public final class Sbatch {

  /** {@code --parsable} prints {@code <job id>} or {@code <job id>;<cluster>} (sbatch(1)). */
  private static final Pattern PARSABLE = Pattern.compile("(\\d+)(?:;\\S+)?");

  private Sbatch() {}

  /**
   * The executable {@code program} names: a path, or a name looked up on {@code PATH}; empty
   * when there is none.
   */
  public static Optional<Path> locate(String program, String pathVariable) {
    if (program.contains(File.separator)) {
      Path file = Path.of(program);
      return Files.isExecutable(file) && Files.isRegularFile(file)
          ? Optional.of(file.toAbsolutePath()) : Optional.empty();
    }
    if (pathVariable == null) {
      return Optional.empty();
    }
    for (String dir : pathVariable.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path file = Path.of(dir, program);
      if (Files.isExecutable(file) && Files.isRegularFile(file)) {
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }

  /** Why sbatch did not submit: its exit status and what it said. */
  public static final class SubmitException extends IOException {
    SubmitException(String message) {
      super(message);
    }
  }

  /**
   * Runs {@code command} (an sbatch command line with {@code --parsable}) and returns the job id.
   *
   * @throws SubmitException when sbatch exits non-zero or prints no job id
   */
  public static String submit(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
        .strip();
    int exit = process.waitFor();
    if (exit != 0) {
      throw new SubmitException(String.join(" ", command) + " exited with " + exit + ": "
          + output);
    }
    return jobId(output).orElseThrow(() -> new SubmitException(String.join(" ", command)
        + " printed no job id: '" + output + "'"));
  }

  /**
   * Why sbatch would refuse {@code script} (an unknown partition or account, a time limit above
   * the partition's), asked with {@code sbatch --test-only}, which checks a script read from
   * standard input and submits nothing (sbatch(1)); empty when it would take it.
   */
  public static Optional<String> refusal(String sbatch, String script)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(sbatch, "--test-only").redirectErrorStream(true).start();
    try (var in = process.getOutputStream()) {
      in.write(script.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
        .strip().replace('\n', ' ');
    return process.waitFor() == 0 ? Optional.empty() : Optional.of(output);
  }

  /** The job id of sbatch's {@code --parsable} output: its last line, {@code id[;cluster]}. */
  static Optional<String> jobId(String output) {
    List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = PARSABLE.matcher(lines.get(lines.size() - 1).strip());
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
