package org.optbench.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Executables found on this process's {@code PATH}, in its order, as a shell would look. */
public final class SearchPath {

  private SearchPath() {}

  /** Every executable file called {@code name} in a {@code PATH} folder, first match first. */
  public static List<Path> all(String name) {
    List<Path> found = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = dir.isBlank() ? null : Path.of(dir, name);
      if (candidate != null && Files.isExecutable(candidate)) {
        found.add(candidate);
      }
    }
    return found;
  }
}
