package org.optbench.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Python interpreter with pandas and pyarrow, for checks of what optbench writes as a pandas
 * user reads it: {@code $OPTBENCH_PYTHON} (.ci/run sets it to the venv it makes), else the usual
 * development venv {@code /tmp/venv/bin/python}, else {@code python3} on the PATH; the first that
 * imports both. Tests that need it skip, saying so, where none does.
 */
public final class Python {

  private static Optional<Path> found;

  private Python() {}

  /** The interpreter, or empty when none of the candidates imports pandas and pyarrow. */
  public static synchronized Optional<Path> withPandas() {
    if (found == null) {
      found = candidates().stream().filter(Python::importsPandas).findFirst();
    }
    return found;
  }

  /** Why a test that needs pandas is skipped. */
  public static String missing() {
    return "no Python with pandas and pyarrow ($OPTBENCH_PYTHON, /tmp/venv/bin/python, python3):"
        + " check skipped";
  }

  /** What running a script printed (stdout and stderr), and its exit status. */
  public record Output(int exit, String text) {}

  /**
   * Runs {@code script} (Python source, written to a file in {@code scratch}) with {@code args}
   * under {@link #withPandas}, which must be present.
   */
  public static Output run(Path scratch, String script, String... args) throws Exception {
    Path file = Files.createTempFile(scratch, "check", ".py");
    Files.writeString(file, script);
    List<String> command = new ArrayList<>(List.of(withPandas().orElseThrow().toString(),
        file.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Output(-1, text + "\n(timed out)");
    }
    return new Output(p.exitValue(), text);
  }

  private static List<Path> candidates() {
    List<Path> out = new ArrayList<>();
    String configured = System.getenv("OPTBENCH_PYTHON");
    if (configured != null && !configured.isBlank()) {
      out.add(Path.of(configured));
    }
    out.add(Path.of("/tmp/venv/bin/python"));
    out.addAll(SearchPath.all("python3"));
    return out.stream().filter(Files::isExecutable).toList();
  }

  private static boolean importsPandas(Path python) {
    try {
      Process p = new ProcessBuilder(python.toString(), "-c", "import pandas, pyarrow")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
