package org.optbench.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
   * Checks that the four IDX files exist without reading them, so a missing dataset is reported
   * before any run starts.
   *
   * @throws DatasetUnavailableException naming the missing file and how to get it
   */
  public static void checkAvailable(Path dir, String field) {
    for (String prefix : new String[] {"train", "t10k"}) {
      find(dir, prefix + "-images-idx3-ubyte", field);
      find(dir, prefix + "-labels-idx1-ubyte", field);
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
                + java.util.Arrays.toString(dims) + " and "
                + java.util.Arrays.toString(labels.dims()) + ")");
      }
      if (dims[0] < limit) {
        throw new DatasetUnavailableException(
            imagesFile + " holds " + dims[0] + " images but the spec asks for " + limit
                + "; lower the size or use a larger set");
      }
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
