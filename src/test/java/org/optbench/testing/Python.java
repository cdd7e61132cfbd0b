package org.optbench.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Python interpreter with pandas, for checks of what optbench writes as a pandas user reads it:
 * {@code $OPTBENCH_PYTHON}, else the project's usual virtual environment {@code
 * /tmp/venv/bin/python}, else {@code python3} on the PATH; the first that imports pandas. Tests
 * that need it skip, saying so, where none does.
 */
public final class Python {

  private static Optional<Path> found;

  private Python() {}

  /** The interpreter, or empty when none of the candidates imports pandas. */
  public static synchronized Optional<Path> withPandas() {
    if (found == null) {
      found = candidates().stream().filter(Python::importsPandas).findFirst();
    }
    return found;
  }

  /** Why a test that needs pandas is skipped. */
  public static String missing() {
    return "no Python with pandas ($OPTBENCH_PYTHON, /tmp/venv/bin/python, python3): check skipped";
  }

  private static List<Path> candidates() {
    List<Path> out = new ArrayList<>();
    String configured = System.getenv("OPTBENCH_PYTHON");
    if (configured != null && !configured.isBlank()) {
      out.add(Path.of(configured));
    }
    out.add(Path.of("/tmp/venv/bin/python"));
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isBlank()) {
        out.add(Path.of(dir, "python3"));
      }
    }
    return out.stream().filter(Files::isExecutable).toList();
  }

  private static boolean importsPandas(Path python) {
    try {
      Process p = new ProcessBuilder(python.toString(), "-c", "import pandas")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
