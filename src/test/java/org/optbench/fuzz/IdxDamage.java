package org.optbench.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.optbench.testing.IdxFixtures;

/**
 * Fashion-MNIST folders whose four files have the right names but cannot serve: each writes a
 * small valid set ({@link IdxFixtures}) and then breaks one file in one way.
 */
enum IdxDamage {
  BAD_MAGIC("bad-magic"),
  NOT_GZIP("not-gzip"),
  NEGATIVE_DIMENSION("negative-dimension"),
  HUGE_DIMENSIONS("huge-dimensions"),
  TRUNCATED("truncated"),
  LABEL_COUNT_MISMATCH("label-count-mismatch"),
  EMPTY_FILE("empty-file"),
  FEWER_IMAGES_THAN_TRAIN_SIZE("fewer-images-than-train-size");

  private static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
  private static final String TRAIN_LABELS = "train-labels-idx1-ubyte";

  private final String slug;

  IdxDamage(String slug) {
    this.slug = slug;
  }

  String slug() {
    return slug;
  }

  /** Writes the damaged folder and returns it. */
  Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    // Enough images for the smoke preset's sizes, so that only the damage is wrong.
    int train = this == FEWER_IMAGES_THAN_TRAIN_SIZE ? 100 : 6000;
    IdxFixtures.writeImageSet(dir, train, 1000);
    Path images = dir.resolve(TRAIN_IMAGES + ".gz");
    switch (this) {
      case BAD_MAGIC -> replaceImages(dir, header(0x00000D03, 6000, 28, 28));
      case NOT_GZIP -> Files.write(images, "this is not gzip data".repeat(100).getBytes());
      case NEGATIVE_DIMENSION -> replaceImages(dir, header(0x00000803, -6000, 28, 28));
      case HUGE_DIMENSIONS -> replaceImages(dir, header(0x00000803, Integer.MAX_VALUE, 65536, 65536));
      case TRUNCATED -> {
        Files.delete(images);
        IdxFixtures.write(dir.resolve(TRAIN_IMAGES), new int[] {6000, 28, 28}, new byte[28 * 28 * 10]);
      }
      case LABEL_COUNT_MISMATCH -> {
        Files.delete(dir.resolve(TRAIN_LABELS + ".gz"));
        IdxFixtures.write(dir.resolve(TRAIN_LABELS), new int[] {5000}, new byte[5000]);
      }
      case EMPTY_FILE -> Files.write(images, new byte[0]);
      case FEWER_IMAGES_THAN_TRAIN_SIZE -> {
        // already written with 100 training images; the smoke preset asks for 6000
      }
    }
    return dir;
  }

  /** Replaces the gzipped training images by an uncompressed file holding only {@code header}. */
  private static void replaceImages(Path dir, byte[] header) throws IOException {
    Files.delete(dir.resolve(TRAIN_IMAGES + ".gz"));
    Files.write(dir.resolve(TRAIN_IMAGES), header);
  }

  private static byte[] header(int magic, int... dims) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(magic);
      for (int d : dims) {
        out.writeInt(d);
      }
      out.write(new byte[64]);
    }
    return bytes.toByteArray();
  }
}
