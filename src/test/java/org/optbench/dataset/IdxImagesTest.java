package org.optbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.testing.IdxFixtures;

/** The IDX reader against files written byte by byte here. */
class IdxImagesTest {

  @TempDir Path dir;

  @Test
  void readsHandWrittenIdxExactly() throws Exception {
    // Two 2×3 images, written as the IDX spec lays them out: magic, sizes, row-major bytes.
    byte[] bytes = {
      0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3,
      0, 1, 2, 3, 4, (byte) 255,
      10, 20, 30, 40, 50, (byte) 128
    };
    Path file = dir.resolve("images-idx3-ubyte");
    Files.write(file, bytes);

    IdxFile idx = IdxFile.read(file, Integer.MAX_VALUE);

    assertArrayEquals(new int[] {2, 2, 3}, idx.dims());
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 255, 10, 20, 30, 40, 50, 128}, idx.values());
    IdxFile first = IdxFile.read(file, 1);
    assertArrayEquals(new int[] {1, 2, 3}, first.dims());
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 255}, first.values());
  }

  @Test
  void loadsGzippedPairsScaledToUnitInterval() throws Exception {
    IdxFixtures.write(dir.resolve("train-images-idx3-ubyte.gz"), new int[] {2, 1, 2},
        new byte[] {0, (byte) 255, 51, 102});
    IdxFixtures.write(dir.resolve("train-labels-idx1-ubyte.gz"), new int[] {2}, new byte[] {7, 3});
    IdxFixtures.write(dir.resolve("t10k-images-idx3-ubyte"), new int[] {1, 1, 2},
        new byte[] {(byte) 255, 0});
    IdxFixtures.write(dir.resolve("t10k-labels-idx1-ubyte"), new int[] {1}, new byte[] {9});

    DataSplit split = IdxImages.load(dir, 2, 1, "data_dir");

    assertArrayEquals(new float[] {0f, 1f, 0.2f, 0.4f}, split.train().x(), 1e-7f);
    assertArrayEquals(new float[] {7f, 3f}, split.train().y());
    assertEquals(2, split.train().cols());
    assertArrayEquals(new float[] {1f, 0f}, split.eval().x());
    assertArrayEquals(new float[] {9f}, split.eval().y());
  }

  @Test
  void missingFilesSayHowToGetThem() {
    DatasetUnavailableException e =
        assertThrows(DatasetUnavailableException.class,
            () -> IdxImages.load(dir.resolve("nowhere"), 10, 10, "data_dir"));
    String message = e.getMessage();
    assertTrue(message.contains(dir.resolve("nowhere").toString()), message);
    assertTrue(message.contains("'data_dir'"), message);
    assertTrue(message.contains("apt-get install dataset-fashion-mnist"), message);
  }

  @Test
  void tooFewImagesIsReported() throws Exception {
    IdxFixtures.writeImageSet(dir, 20, 10);
    DatasetUnavailableException e =
        assertThrows(DatasetUnavailableException.class, () -> IdxImages.load(dir, 50, 10, "data_dir"));
    assertTrue(e.getMessage().contains("holds 20 images but the spec asks for 50"), e.getMessage());
  }

  private static final ImageFormat FASHION = new ImageFormat(28, 10);

  /**
   * A valid 20 + 10 image set whose file {@code name} is then replaced by {@code bytes}
   * (gzipped when the name ends in .gz), and the message {@link IdxImages#check} gives for it.
   */
  private String checkWith(String name, byte[] bytes) throws Exception {
    IdxFixtures.writeImageSet(dir, 20, 10);
    String plain = name.replace(".gz", "");
    Files.deleteIfExists(dir.resolve(plain));
    Files.deleteIfExists(dir.resolve(plain + ".gz"));
    Path file = dir.resolve(name);
    if (name.endsWith(".gz")) {
      try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
        out.write(bytes);
      }
    } else {
      Files.write(file, bytes);
    }
    return assertThrows(DatasetUnavailableException.class,
        () -> IdxImages.check(dir, FASHION, 20, 10, "data_dir")).getMessage();
  }

  /** An IDX file: magic 0x000008 and the rank, the sizes, then {@code values} bytes of zeros. */
  private static byte[] idx(int[] dims, int values) {
    var buffer = java.nio.ByteBuffer.allocate(4 + 4 * dims.length + values);
    buffer.putInt(0x00000800 | dims.length);
    for (int d : dims) {
      buffer.putInt(d);
    }
    return buffer.array();
  }

  @Test
  void aGzippedFileWithoutGzInItsNameIsNotIdx() throws Exception {
    // Gzip data starts with 1f 8b 08 (RFC 1952): read as IDX, that is no unsigned-byte magic.
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(idx(new int[] {20, 28, 28}, 20 * 784));
    }
    String message = checkWith("train-images-idx3-ubyte", gz.toByteArray());

    assertTrue(message.startsWith(dir.resolve("train-images-idx3-ubyte") + " is not an IDX file"
        + " of unsigned bytes: it starts with 0x1f8b0800"), message);
  }

  @Test
  void aGzNameOnDataThatIsNotGzipIsReported() throws Exception {
    IdxFixtures.writeImageSet(dir, 20, 10);
    Path gz = dir.resolve("t10k-labels-idx1-ubyte.gz");
    Files.write(gz, idx(new int[] {10}, 10));

    String message = assertThrows(DatasetUnavailableException.class,
        () -> IdxImages.check(dir, FASHION, 20, 10, "data_dir")).getMessage();

    assertEquals(gz + " is not valid gzip data although its name ends in .gz (Not in GZIP"
        + " format); the file is damaged, or rename it without .gz if it is not compressed",
        message);
  }

  @Test
  void aNegativeSizeIsReportedNotAllocated() throws Exception {
    String message = checkWith("train-images-idx3-ubyte", idx(new int[] {-5, 28, 28}, 0));

    assertEquals(dir.resolve("train-images-idx3-ubyte") + " declares a negative size -5"
        + " (dimension 1 of 3); the file is damaged", message);
  }

  @Test
  void itemsTooLargeForAnArrayAreReported() throws Exception {
    // 100,000 × 100,000 = 10¹⁰ bytes per image: more than any Java array holds.
    String message = checkWith("train-images-idx3-ubyte", idx(new int[] {1, 100000, 100000}, 0));

    assertEquals(dir.resolve("train-images-idx3-ubyte") + " declares items of sizes [1, 100000,"
        + " 100000], too large for one array; the file is damaged", message);
  }

  @Test
  void aFileCutShortIsReported() throws Exception {
    // The header promises 20 images (16 + 20 × 784 = 15,696 bytes); 5 are there (3,936 bytes).
    String message = checkWith("train-images-idx3-ubyte", idx(new int[] {20, 28, 28}, 5 * 784));

    assertEquals(dir.resolve("train-images-idx3-ubyte") + " holds 3,936 bytes, fewer than the"
        + " 15,696 its header declares ([20, 28, 28]); the file is cut short: copy it again",
        message);
  }

  @Test
  void aGzippedFileCutShortIsReported() throws Exception {
    String message = checkWith("train-images-idx3-ubyte.gz", idx(new int[] {20, 28, 28}, 5 * 784));

    assertEquals(dir.resolve("train-images-idx3-ubyte.gz") + " holds 3,936 bytes uncompressed,"
        + " fewer than the 15,696 its header declares ([20, 28, 28]); the file is cut short: copy"
        + " it again", message);
  }

  @Test
  void imagesOfAnotherSizeAreReported() throws Exception {
    String message = checkWith("train-images-idx3-ubyte", idx(new int[] {20, 32, 32}, 20 * 1024));

    assertEquals(dir.resolve("train-images-idx3-ubyte") + " holds images of shape [20, 32, 32];"
        + " the model needs [count, 28, 28] (Fashion-MNIST's)", message);
  }

  @Test
  void labelsThatDoNotMatchTheImagesAreReported() throws Exception {
    String message = checkWith("train-labels-idx1-ubyte", idx(new int[] {19}, 19));

    assertEquals(dir.resolve("train-labels-idx1-ubyte") + " (shape [19]) does not label the 20"
        + " images of " + dir.resolve("train-images-idx3-ubyte.gz"), message);
  }

  @Test
  void aLabelOutsideTheClassesIsReported() throws Exception {
    byte[] labels = idx(new int[] {20}, 20);
    labels[8 + 7] = (byte) 200;

    String message = checkWith("train-labels-idx1-ubyte", labels);

    assertEquals(dir.resolve("train-labels-idx1-ubyte") + ": label 200 of item 7 is not a class"
        + " 0–9; the file is damaged", message);
  }

  @Test
  void fewerImagesThanAskedForAreReportedBeforeAnyRun() throws Exception {
    IdxFixtures.writeImageSet(dir, 20, 10);

    String message = assertThrows(DatasetUnavailableException.class,
        () -> IdxImages.check(dir, FASHION, 50, 10, "data_dir")).getMessage();

    assertEquals(dir.resolve("train-images-idx3-ubyte.gz") + " holds 20 images but the spec asks"
        + " for 50; lower the size or use a larger set", message);
  }

  @Test
  void aCompleteSetPassesTheCheck() throws Exception {
    IdxFixtures.writeImageSet(dir, 20, 10);
    IdxImages.check(dir, FASHION, 20, 10, "data_dir");
  }

  /** The real Fashion-MNIST from Debian's package, where it is installed (Xiao et al. 2017). */
  @Test
  void readsDebianFashionMnistWhenInstalled() {
    Path debian = Path.of(IdxImages.FASHION_MNIST_DIR);
    Assumptions.assumeTrue(Files.isDirectory(debian), "dataset-fashion-mnist not installed");
    IdxImages.check(debian, FASHION, 60000, 10000, "data_dir");
    DataSplit split = IdxImages.load(debian, 60000, 10000, "data_dir");
    assertEquals(60000, split.train().rows());
    assertEquals(784, split.train().cols());
    assertEquals(10000, split.eval().rows());
    // Fashion-MNIST is balanced: 6,000 training images per class (its README).
    int[] counts = new int[10];
    for (float label : split.train().y()) {
      counts[(int) label]++;
    }
    for (int count : counts) {
      assertEquals(6000, count);
    }
  }
}
