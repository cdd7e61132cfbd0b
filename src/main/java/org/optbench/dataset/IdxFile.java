package org.optbench.dataset;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

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
   */
  public static IdxFile read(Path file, int limit) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz")
            ? new GZIPInputStream(raw, 1 << 16) : new BufferedInputStream(raw, 1 << 16);
        DataInputStream data = new DataInputStream(in)) {
      return read(data, file, limit);
    }
  }

  private static IdxFile read(DataInputStream data, Path file, int limit) throws IOException {
    int magic = data.readInt();
    int type = (magic >>> 8) & 0xFF;
    int rank = magic & 0xFF;
    if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || rank < 1) {
      throw new IOException(
          file + " is not an unsigned-byte IDX file (magic 0x" + Integer.toHexString(magic) + ")");
    }
    int[] dims = new int[rank];
    for (int d = 0; d < rank; d++) {
      dims[d] = data.readInt();
    }
    dims[0] = Math.min(dims[0], limit);
    long itemSize = 1;
    for (int d = 1; d < rank; d++) {
      itemSize *= dims[d];
    }
    byte[] bytes = new byte[Math.toIntExact(dims[0] * itemSize)];
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
  }
}
