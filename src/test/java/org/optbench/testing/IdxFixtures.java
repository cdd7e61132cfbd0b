package org.optbench.testing;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes small MNIST-format IDX files (LeCun's format: magic 0x00000803 for images, 0x00000801
 * for labels, big-endian sizes, then unsigned bytes) so that tests need no downloaded data.
 */
public final class IdxFixtures {

  private IdxFixtures() {}

  /** Writes an unsigned-byte IDX file, gzipped when the name ends in .gz. */
  public static void write(Path file, int[] dims, byte[] values) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
        DataOutputStream data = new DataOutputStream(out)) {
      data.writeInt(0x00000800 | dims.length);
      for (int d : dims) {
        data.writeInt(d);
      }
      data.write(values);
    }
  }

  /**
   * A learnable 10-class image set in {@code dir}: image i has label i mod 10 and a bright 4×4
   * square at a position that depends on the label, plus seeded noise; {@code train} training and
   * {@code test} test images of 28×28, gzipped like Debian's Fashion-MNIST files.
   */
  public static void writeImageSet(Path dir, int train, int test) throws IOException {
    writePart(dir, "train", train, 1);
    writePart(dir, "t10k", test, 2);
  }

  private static void writePart(Path dir, String prefix, int count, long seed) throws IOException {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    byte[] pixels = new byte[count * 28 * 28];
    byte[] labels = new byte[count];
    for (int i = 0; i < count; i++) {
      int label = i % 10;
      labels[i] = (byte) label;
      int top = 2 + (label / 5) * 12;
      int left = 2 + (label % 5) * 5;
      for (int p = 0; p < 28 * 28; p++) {
        int r = p / 28;
        int c = p % 28;
        boolean square = r >= top && r < top + 4 && c >= left && c < left + 4;
        pixels[i * 784 + p] = (byte) (square ? 200 + random.nextInt(56) : random.nextInt(60));
      }
    }
    write(dir.resolve(prefix + "-images-idx3-ubyte.gz"), new int[] {count, 28, 28}, pixels);
    write(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), new int[] {count}, labels);
  }
}
