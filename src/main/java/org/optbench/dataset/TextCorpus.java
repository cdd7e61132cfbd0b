package org.optbench.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The text a language-model workload trains on: a corpus shipped with optbench, named by its
 * resource name, or any UTF-8 file by path. Nothing is downloaded.
 */
public final class TextCorpus {

  /** The shipped corpus: Jane Austen, Pride and Prejudice (1813), public domain; see its README. */
  public static final String BUILTIN = "pride_and_prejudice";


  private TextCorpus() {}

  /**
   * The text of {@code source}: {@link #BUILTIN} or a path to a UTF-8 file.
   *
   * @param field the spec field that set {@code source}, named in the error message
   * @throws DatasetUnavailableException when the file is missing, unreadable or not UTF-8
   */
  public static String load(String source, String field) {
    if (source.equals(BUILTIN)) {
      try (InputStream in = builtin().openStream()) {
        return decode(in.readAllBytes(), source, field);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the built-in corpus", e);
      }
    }
    Path path = file(source, field);
    try {
      return decode(Files.readAllBytes(path), source, field);
    } catch (IOException e) {
      throw new DatasetUnavailableException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * The size of {@code source} in bytes, an upper bound of its characters, found without
   * reading it: a spec's limits are checked before a corpus is loaded.
   *
   * @throws DatasetUnavailableException when the file is missing or not a regular file
   */
  public static long bytes(String source, String field) {
    if (source.equals(BUILTIN)) {
      try {
        return builtin().openConnection().getContentLengthLong();
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the built-in corpus", e);
      }
    }
    Path path = file(source, field);
    try {
      return Files.size(path);
    } catch (IOException e) {
      throw new DatasetUnavailableException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  private static URL builtin() {
    URL url = TextCorpus.class.getResource("/corpus/" + BUILTIN + ".txt");
    if (url == null) {
      throw new IllegalStateException("corpus resource missing from the optbench jar");
    }
    return url;
  }

  /**
   * A regular file, not a folder, pipe or device: a named pipe would block the read, a device
   * such as /dev/zero would never end.
   */
  private static Path file(String source, String field) {
    Path path = DataPath.of(source, field);
    if (!Files.isRegularFile(path)) {
      throw new DatasetUnavailableException(
          "no text file at " + path.toAbsolutePath() + " (set by the workload's '" + field
              + "'); give a UTF-8 text file or '" + BUILTIN + "' for the corpus shipped with"
              + " optbench");
    }
    return path;
  }

  private static String decode(byte[] bytes, String source, String field) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new DatasetUnavailableException(
          source + " (the workload's '" + field + "') is not UTF-8 text", e);
    }
  }
}
