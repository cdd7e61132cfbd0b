package org.optbench.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Checks done on a result file before any parser sees it: that it is a regular file (a folder,
 * a pipe or a device in its place would make a reader fail obscurely or block forever), that it
 * is within its size cap, and for CSV files that it is not cut short.
 */
final class FileCheck {

  private FileCheck() {}

  /**
   * Fails unless {@code file} is a regular file (links followed) of at most {@code maxBytes}.
   *
   * @param fix what the user can do about a bad file, appended to every message
   * @return the file's size in bytes
   * @throws ResultSetException naming the file and the problem
   */
  static long regularFile(Path file, long maxBytes, String fix) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new ResultSetException(file, "missing; " + fix);
    } catch (IOException e) {
      throw new ResultSetException(file, "cannot be read (" + e.getMessage() + "); " + fix);
    }
    if (attributes.isDirectory()) {
      throw new ResultSetException(file, "is a folder where a file should be; " + fix);
    }
    if (!attributes.isRegularFile()) {
      throw new ResultSetException(
          file, "is not a regular file (a pipe, device or socket); " + fix);
    }
    if (attributes.size() > maxBytes) {
      throw new ResultSetException(
          file,
          "is " + attributes.size() + " bytes, more than the " + maxBytes
              + " such a file may have; " + fix);
    }
    return attributes.size();
  }

  /**
   * {@link #regularFile} for a CSV file, which must also hold at least a header and end with a
   * line end: every row optbench writes ends with one, so a file without is cut short.
   */
  static long csvFile(Path file, long maxBytes, String fix) {
    long size = regularFile(file, maxBytes, fix);
    if (size == 0) {
      throw new ResultSetException(file, "is empty (not even a header row); " + fix);
    }
    if (lastByte(file, size, fix) != '\n') {
      throw new ResultSetException(
          file, "ends in the middle of a row (the file was cut short); " + fix);
    }
    return size;
  }

  /**
   * {@link #regularFile} for a Parquet file, which starts and ends with the magic bytes {@code
   * PAR1}: a file without them is cut short or is something else.
   */
  static long parquetFile(Path file, long maxBytes, String fix) {
    long size = regularFile(file, maxBytes, fix);
    if (size < 12) {
      throw new ResultSetException(file, "is " + size + " bytes, too short for a Parquet file; "
          + fix);
    }
    byte[] head = new byte[4];
    byte[] tail = new byte[4];
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      channel.read(ByteBuffer.wrap(head), 0);
      channel.read(ByteBuffer.wrap(tail), size - 4);
    } catch (IOException e) {
      throw unreadable(file, e, fix);
    }
    byte[] magic = {'P', 'A', 'R', '1'};
    if (!java.util.Arrays.equals(head, magic)) {
      throw new ResultSetException(file, "is not a Parquet file (it does not start with PAR1); "
          + fix);
    }
    if (!java.util.Arrays.equals(tail, magic)) {
      throw new ResultSetException(file, "does not end with PAR1 (the file was cut short); "
          + fix);
    }
    return size;
  }

  /** An I/O failure while reading a checked file, as bad input naming the file. */
  static ResultSetException unreadable(Path file, IOException e, String fix) {
    String why = e instanceof CharacterCodingException
        ? "is not UTF-8 text (binary data?)"
        : "cannot be read (" + e.getMessage() + ")";
    return new ResultSetException(file, why + "; " + fix);
  }

  /**
   * A value from a file as it may appear in a one-line message: quoted, control characters
   * escaped, long values cut.
   */
  static String shown(String value) {
    StringBuilder out = new StringBuilder("'");
    int limit = Math.min(value.length(), 60);
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : c);
    }
    return out.append(value.length() > limit ? "...'" : "'").toString();
  }

  private static int lastByte(Path file, long size, String fix) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, size - 1);
      return one.get(0);
    } catch (IOException e) {
      throw unreadable(file, e, fix);
    }
  }
}
