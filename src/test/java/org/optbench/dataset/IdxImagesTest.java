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

  /** The real Fashion-MNIST from Debian's package, where it is installed (Xiao et al. 2017). */
  @Test
  void readsDebianFashionMnistWhenInstalled() {
    Path debian = Path.of(IdxImages.FASHION_MNIST_DIR);
    Assumptions.assumeTrue(Files.isDirectory(debian), "dataset-fashion-mnist not installed");
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
