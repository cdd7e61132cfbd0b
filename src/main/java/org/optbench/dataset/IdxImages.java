package org.optbench.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An MNIST-format image classification set from one folder: {@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte} and {@code
 * t10k-labels-idx1-ubyte}, each optionally gzipped, as Fashion-MNIST (Xiao et al. 2017) and MNIST
 * ship them. The first {@code trainSize} training images train; the first {@code evalSize} test
 * images are the held-out split. Pixels become x/255 in [0, 1], flattened row-major.
 */
public final class IdxImages {

  /** Where Debian's {@code dataset-fashion-mnist} package puts the files. */
  public static final String FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist";

  private IdxImages() {}

  /**
   * Loads the split.
   *
   * @param dir the folder holding the four files
   * @param field the spec field that set {@code dir}, named in the error message
   * @throws DatasetUnavailableException when a file is missing or malformed
   */
  public static DataSplit load(Path dir, int trainSize, int evalSize, String field) {
    TabularData train = part(dir, "train", trainSize, field);
    TabularData eval = part(dir, "t10k", evalSize, field);
    return new DataSplit(train, eval);
  }

  /**
   * Checks the four files before any run, reading their headers and the labels a run uses but
   * not the images: each an IDX file of unsigned bytes, images count × side × side of {@code
   * format} and labels count, as many labels as images, at least as many as asked for, not cut
   * short, and labels below {@code format.classes()}.
   *
   * @param field the spec field that set {@code dir}, named in the error message
   * @throws DatasetUnavailableException naming the file, what is wrong and how to fix it
   */
  public static void check(Path dir, ImageFormat format, int trainSize, int evalSize,
      String field) {
    checkPart(dir, "train", format, trainSize, field);
    checkPart(dir, "t10k", format, evalSize, field);
  }

  private static void checkPart(Path dir, String prefix, ImageFormat format, int size,
      String field) {
    Path imagesFile = find(dir, prefix + "-images-idx3-ubyte", field);
    Path labelsFile = find(dir, prefix + "-labels-idx1-ubyte", field);
    try {
      int[] images = IdxFile.header(imagesFile);
      int[] labels = IdxFile.header(labelsFile);
      if (images.length != 3 || images[1] != format.side() || images[2] != format.side()) {
        throw new DatasetUnavailableException(imagesFile + " holds images of shape "
            + Arrays.toString(images) + "; the model needs [count, " + format.side() + ", "
            + format.side() + "] (Fashion-MNIST's)");
      }
      if (labels.length != 1 || labels[0] != images[0]) {
        throw new DatasetUnavailableException(labelsFile + " (shape " + Arrays.toString(labels)
            + ") does not label the " + images[0] + " images of " + imagesFile);
      }
      requireCount(imagesFile, images[0], size);
      IdxFile.checkComplete(imagesFile, images);
      IdxFile.checkComplete(labelsFile, labels);
      int[] values = IdxFile.read(labelsFile, size).values();
      for (int i = 0; i < values.length; i++) {
        if (values[i] >= format.classes()) {
          throw new DatasetUnavailableException(labelsFile + ": label " + values[i] + " of item "
              + i + " is not a class 0–" + (format.classes() - 1) + "; the file is damaged");
        }
      }
    } catch (IOException e) {
      throw new DatasetUnavailableException(e.getMessage(), e);
    }
  }

  private static void requireCount(Path imagesFile, int held, int asked) {
    if (held < asked) {
      throw new DatasetUnavailableException(
          imagesFile + " holds " + held + " images but the spec asks for " + asked
              + "; lower the size or use a larger set");
    }
  }

  private static TabularData part(Path dir, String prefix, int limit, String field) {
    Path imagesFile = find(dir, prefix + "-images-idx3-ubyte", field);
    Path labelsFile = find(dir, prefix + "-labels-idx1-ubyte", field);
    try {
      IdxFile images = IdxFile.read(imagesFile, limit);
      IdxFile labels = IdxFile.read(labelsFile, limit);
      int[] dims = images.dims();
      if (dims.length != 3 || labels.dims().length != 1 || labels.dims()[0] != dims[0]) {
        throw new DatasetUnavailableException(
            imagesFile + " and " + labelsFile + " do not form an image/label pair (shapes "
                + Arrays.toString(dims) + " and " + Arrays.toString(labels.dims()) + ")");
      }
      requireCount(imagesFile, dims[0], limit);
      int pixels = dims[1] * dims[2];
      float[] x = new float[dims[0] * pixels];
      int[] values = images.values();
      for (int i = 0; i < x.length; i++) {
        x[i] = values[i] / 255f;
      }
      float[] y = new float[dims[0]];
      for (int i = 0; i < y.length; i++) {
        y[i] = labels.values()[i];
      }
      return new TabularData(x, dims[0], pixels, y, 1);
    } catch (IOException e) {
      throw new DatasetUnavailableException(
          "cannot read " + imagesFile + " or " + labelsFile + ": " + e.getMessage(), e);
    }
  }

  /** The file, gzipped or not, or an error that says how to get it. */
  private static Path find(Path dir, String name, String field) {
    for (String candidate : new String[] {name + ".gz", name}) {
      Path file = dir.resolve(candidate);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    throw new DatasetUnavailableException(
        "no " + name + "[.gz] in " + dir + " (set by the workload's '" + field + "'). For"
            + " Fashion-MNIST run 'apt-get install dataset-fashion-mnist', which puts the files in "
            + FASHION_MNIST_DIR + ", or copy the four IDX files (train-images-idx3-ubyte,"
            + " train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, gzipped"
            + " or not) into a folder and set " + field + " to it");
  }
}
