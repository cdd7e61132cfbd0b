package org.optbench.dataset;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * An unsigned-byte tensor in the IDX format of LeCun's MNIST page, which Fashion-MNIST keeps: a
 * big-endian magic number 0x00 0x00 0x08 d (0x08 = unsigned byte, d = number of dimensions), d
 * big-endian 32-bit sizes, then the values in row-major order. Files ending in {@code .gz} are
 * gunzipped on the fly.
 *
 * @param dims sizes, outermost first (images: count, rows, columns; labels: count)
 * @param values the first {@code dims[0]} items' bytes, each 0–255
 */
public record IdxFile(int[] dims, int[] values) {

  /** IDX type code of unsigned bytes. */
  static final int UNSIGNED_BYTE = 0x08;

  /**
   * Reads at most {@code limit} items (the outermost dimension) of {@code file}: a training run
   * that uses 6,000 of 60,000 images need not decompress the rest. {@code dims()[0]} is the
   * number actually read.
   *
   * @throws IOException naming the file when it is not an IDX file of unsigned bytes, declares
   *     impossible sizes or ends early
   */
  public static IdxFile read(Path file, int limit) throws IOException {
    try (DataInputStream data = open(file)) {
      int[] dims = header(data, file);
      dims[0] = Math.min(dims[0], limit);
      if (valueBytes(dims) > Integer.MAX_VALUE) {
        throw new IOException(file + ": " + dims[0] + " items of " + itemSize(dims)
            + " values are too many to read into one array; ask for fewer");
      }
      byte[] bytes = new byte[(int) valueBytes(dims)];
      try {
        data.readFully(bytes);
      } catch (EOFException e) {
        throw new IOException(file + " ends before its " + dims[0] + " items", e);
      }
      int[] values = new int[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        values[i] = bytes[i] & 0xFF;
      }
      return new IdxFile(dims, values);
    } catch (ZipException e) {
      throw notGzip(file, e);
    }
  }

  /**
   * The sizes {@code file}'s header declares, checked as {@link #read} checks them, without
   * reading the values.
   */
  public static int[] header(Path file) throws IOException {
    try (DataInputStream data = open(file)) {
      return header(data, file);
    } catch (ZipException e) {
      throw notGzip(file, e);
    }
  }

  /**
   * Fails when {@code file} holds fewer bytes than its header {@code dims} declares, that is when
   * it was cut short. A gzip file records its uncompressed size modulo 2³² in its last four bytes
   * (RFC 1952, ISIZE); when that disagrees (a damaged file, or several gzip members in one) the
   * data is decompressed and counted.
   */
  public static void checkComplete(Path file, int[] dims) throws IOException {
    long expected = headerBytes(dims.length) + valueBytes(dims);
    long actual;
    if (!gzipped(file)) {
      actual = Files.size(file);
    } else if (recordedSize(file) == (expected & 0xFFFFFFFFL)) {
      return;
    } else {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
        // Counting stops one byte past the expected size: enough to know the file is complete.
        actual = in.skip(expected);
      } catch (ZipException | EOFException e) {
        throw new IOException(file + " is damaged gzip data (" + e.getMessage() + ")", e);
      }
    }
    if (actual < expected) {
      throw new IOException(String.format(
          "%s holds %,d bytes%s, fewer than the %,d its header declares (%s); the file is cut"
              + " short: copy it again", file, actual, gzipped(file) ? " uncompressed" : "",
          expected, Arrays.toString(dims)));
    }
  }

  /** Gzip's ISIZE: the last four bytes, little-endian; -1 for a file shorter than that. */
  private static long recordedSize(Path file) throws IOException {
    long size = Files.size(file);
    if (size < 4) {
      return -1;
    }
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(size - 4);
      byte[] b = in.readNBytes(4);
      return (b[0] & 0xFFL) | (b[1] & 0xFFL) << 8 | (b[2] & 0xFFL) << 16 | (b[3] & 0xFFL) << 24;
    }
  }

  /** The number of bytes of {@code dims}' values, header excluded. */
  static long valueBytes(int[] dims) {
    return dims[0] * itemSize(dims);
  }

  /** The number of bytes of the header of a tensor of rank {@code rank}. */
  static long headerBytes(int rank) {
    return 4L + 4L * rank;
  }

  /** Whether {@code file} is read through gunzip. */
  static boolean gzipped(Path file) {
    return file.toString().endsWith(".gz");
  }

  private static DataInputStream open(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    try {
      InputStream in =
          gzipped(file) ? new GZIPInputStream(raw, 1 << 16) : new BufferedInputStream(raw, 1 << 16);
      return new DataInputStream(in);
    } catch (IOException e) {
      raw.close();
      throw e;
    }
  }

  private static int[] header(DataInputStream data, Path file) throws IOException {
    try {
      int magic = data.readInt();
      int type = (magic >>> 8) & 0xFF;
      int rank = magic & 0xFF;
      if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || rank < 1) {
        throw new IOException(String.format(
            "%s is not an IDX file of unsigned bytes: it starts with 0x%08x, where an IDX file"
                + " of unsigned bytes starts with 0x000008 and its number of dimensions"
                + " (0x00000803 for images, 0x00000801 for labels)", file, magic));
      }
      int[] dims = new int[rank];
      for (int d = 0; d < rank; d++) {
        dims[d] = data.readInt();
        if (dims[d] < 0) {
          throw new IOException(file + " declares a negative size " + dims[d] + " (dimension "
              + (d + 1) + " of " + rank + "); the file is damaged");
        }
      }
      if (itemSize(dims) > Integer.MAX_VALUE) {
        throw new IOException(file + " declares items of sizes " + Arrays.toString(dims)
            + ", too large for one array; the file is damaged");
      }
      return dims;
    } catch (EOFException e) {
      throw new IOException(file + " ends inside its IDX header; the file is damaged", e);
    }
  }

  /** Values per item (the product of all sizes but the first), saturated above int range. */
  private static long itemSize(int[] dims) {
    long size = 1;
    for (int d = 1; d < dims.length; d++) {
      size = Math.min(size * dims[d], 1L << 31);
    }
    return size;
  }

  private static IOException notGzip(Path file, ZipException e) {
    return new IOException(
        file + " is not valid gzip data although its name ends in .gz (" + e.getMessage()
            + "); the file is damaged, or rename it without .gz if it is not compressed", e);
  }
}
