package org.optbench.fuzz;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One bad input.
 *
 * @param category what kind of damage, the row of the audit table it counts in
 * @param name a short, unique, file-name-safe description
 * @param input writes the input into a scratch folder and returns its path
 */
public record FuzzCase(String category, String name, Input input) {

  /** Writes a case's input. */
  @FunctionalInterface
  public interface Input {
    /**
     * @param scratch an empty folder the input may be created in
     * @return the path to hand to the command (a file, a folder, or a device such as /dev/zero)
     */
    Path create(Path scratch) throws IOException;
  }

  @Override
  public String toString() {
    return category + "/" + name;
  }
}
