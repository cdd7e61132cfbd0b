package org.optbench.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Python with pandas and pyarrow, for tests that read result files as a researcher would. The
 * interpreter is {@code $OPTBENCH_PYTHON}, else the development venv {@code /tmp/venv/bin/python}
 * (see the README's test section); tests skip when neither has both packages.
 */
public final class Pandas {

  /** The interpreter tried. */
  public static final Path PYTHON = Path.of(System.getenv().getOrDefault(
      "OPTBENCH_PYTHON", "/tmp/venv/bin/python"));

  private static Boolean available;

  private Pandas() {}

  /** Whether {@link #PYTHON} runs and imports pandas and pyarrow. */
  public static synchronized boolean available() {
    if (available == null) {
      available = Files.isExecutable(PYTHON) && probe();
    }
    return available;
  }

  /** Why tests skip when {@link #available} is false. */
  public static String missing() {
    return PYTHON + " with pandas and pyarrow not found; set OPTBENCH_PYTHON to such a Python";
  }

  /** What running {@code script} with {@code args} printed, and its exit status. */
  public record Output(int exit, String text) {}

  /** Runs {@code script} (Python source) with {@code args}; output is stdout and stderr. */
  public static Output run(Path scratch, String script, String... args) throws Exception {
    Path file = Files.createTempFile(scratch, "check", ".py");
    Files.writeString(file, script);
    List<String> command = new ArrayList<>(List.of(PYTHON.toString(), file.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Output(-1, text + "\n(timed out)");
    }
    return new Output(p.exitValue(), text);
  }

  private static boolean probe() {
    try {
      Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import pandas, pyarrow")
          .redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException | InterruptedException e) {
      return false;
    }
  }
}
