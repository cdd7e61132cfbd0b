package org.optbench.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The text of a spec file, read only when the file is a regular file of at most {@link
 * #MAX_BYTES}. The checks come before the file is opened: opening a named pipe blocks until
 * something writes to it, and a device such as {@code /dev/zero} never ends.
 */
final class SpecText {

  /**
   * Largest spec accepted: 1 MiB. The shipped specs are 4 KB at most (a spec lists a grid, not
   * data), and SnakeYAML needs a few hundred bytes of memory per byte it parses, so the cap bounds
   * the parse as well as the read.
   */
  static final int MAX_BYTES = 1 << 20;

  private SpecText() {}

  /** The UTF-8 text of {@code file}. */
  static String read(Path file) throws SpecException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new SpecException(
          file, 0, 0,
          "no such file; relative paths start at " + Path.of("").toAbsolutePath());
    } catch (IOException e) {
      throw new SpecException(file, 0, 0, "cannot read the spec: " + e.getMessage());
    }
    if (!attributes.isRegularFile()) {
      throw new SpecException(
          file, 0, 0,
          "not a regular file (" + kind(attributes) + "); give the path of a YAML spec such as"
              + " experiments/quickstart.yaml");
    }
    if (attributes.size() > MAX_BYTES) {
      throw tooLarge(file, attributes.size() + " bytes");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      // One byte more than allowed tells a file that grew since its size was read.
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new SpecException(file, 0, 0, "cannot read the spec: " + e.getMessage());
    }
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(file, "more than " + MAX_BYTES + " bytes");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new SpecException(file, 0, 0, "not UTF-8 text; save the spec as UTF-8");
    }
  }

  /** The error for a spec over the cap; {@code size} says how large it is. */
  static SpecException tooLarge(Path file, String size) {
    return new SpecException(
        file, 0, 0,
        "the spec is " + size + ", more than the 1 MiB (" + MAX_BYTES + " bytes) a spec may"
            + " have; a spec describes a grid, not data: keep data in files that a workload"
            + " names (data_dir, corpus)");
  }

  private static String kind(BasicFileAttributes attributes) {
    if (attributes.isDirectory()) {
      return "a folder";
    }
    // Named pipes, sockets and devices: Java's file attributes do not tell them apart.
    return attributes.isOther() ? "a pipe, socket or device" : "not a file";
  }
}
