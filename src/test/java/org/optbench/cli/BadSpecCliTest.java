package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optbench.testing.IdxFixtures;

/**
 * Specs that used to pass {@code validate} and then fail mid-run (or fail with a stack trace):
 * {@code validate} and {@code run} now both refuse them with one line naming the file, line and
 * column, exit 2, and {@code run} writes nothing.
 */
class BadSpecCliTest {

  @TempDir Path dir;



  /**
   * @param spec the spec, with DATA for a folder of image files and CORPUS for an empty text file
   * @param at where the error points, {@code line:column}
   * @param problem the start of the message after the location
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void validateAndRunRefuseWithOneLineAndRunWritesNothing(String defect, String spec, String at,
      String problem) throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    IdxFixtures.writeImageSet(data, 20, 10);
    damage(defect, data);
    Path corpus = Files.writeString(dir.resolve("empty.txt"), "");
    Path file = dir.resolve("x.yaml");
    Files.writeString(file,
        spec.replace("DATA", data.toString()).replace("CORPUS", corpus.toString()));
    Path results = dir.resolve("results");
    Path reports = dir.resolve("reports");

    Cli.Result validate = Cli.execute("validate", file.toString());
    Cli.Result run = Cli.execute("run", file.toString(), "--out", results.toString(), "--reports",
        reports.toString(), "--no-progress");

    for (Cli.Result result : new Cli.Result[] {validate, run}) {
      assertEquals(2, result.exit(), result.err());
      assertTrue(result.err().startsWith("error: " + file + ":" + at + ": " + problem),
          result.err());
      assertEquals(1, result.err().lines().count(), result.err());
      assertFalse(result.err().contains("\tat "), "no stack trace");
    }
    assertFalse(Files.exists(results), "run created " + results);
    assertFalse(Files.exists(reports), "run created " + reports);
  }

  /** A spec of {@code workloads} and {@code rest} after its name and steps. */
  private static String spec(String workloads, String rest) {
    return "name: x\nworkloads: " + workloads + "\nsteps: 10\n" + rest;
  }

  static Stream<Arguments> specs() {
    String grid = "grid: {optimizer: [adam]}\n";
    String images = "[{model: fmnist_logreg, data_dir: DATA}]";
    return Stream.of(
        Arguments.of("!!int tag", spec("[mlp]", "seeds: !!int abc\n" + grid), "4:8",
            "explicit YAML tag !!int is not supported"),
        Arguments.of("!!float tag",
            spec("[mlp]", "grid: {optimizer: [{name: adam, lr: !!float fast}]}\n"), "4:37",
            "explicit YAML tag !!float is not supported"),
        Arguments.of("name of 240 characters",
            "name: " + "a".repeat(240) + "\nworkloads: [mlp]\nsteps: 10\n" + grid, "1:7",
            "name of 240 characters is too long (at most 100)"),
        Arguments.of("batch larger than the training set",
            spec("[{model: mlp, batch_size: 500, train_size: 100}]", grid), "2:38",
            "workload mlp: batch_size must be <= train_size"),
        Arguments.of("two billion examples",
            spec("[{model: mlp, train_size: 2000000000}]", grid), "2:13",
            "workload mlp(train_size=2000000000): its dataset holds 6,000,001,500 values"),
        Arguments.of("two billion features",
            spec("[{model: linear_regression, features: 2000000000}]", grid), "2:13",
            "workload linear_regression(features=2000000000): its dataset holds"),
        Arguments.of("a billion hidden units",
            spec("[{model: mlp, hidden: [1000000000]}]", grid), "2:13",
            "workload mlp(hidden=[1000000000]): its model has 6,000,000,003 parameters, more"
                + " than limits.max_params (50,000,000)"),
        Arguments.of("two billion steps",
            "name: x\nworkloads: [mlp]\nsteps: 2000000000\n" + grid, "3:8",
            "a run of 2,000,000,000 steps, more than limits.max_steps (1,000,000)"),
        Arguments.of("aliases expanding the grid", spec("[mlp]",
            "seeds: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\ngrid:\n  optimizer:\n    - {name: adam,"
                + " lr: &v [0.1, 0.2, 0.3, 0.4, 0.5], beta1: *v, beta2: *v, eps: *v,"
                + " weight_decay: *v}\n"), "7:5",
            "the grid has 31,250 runs (1 workloads × 3,125 optimizers × 1 clips × 1 schedules ×"
                + " 10 seeds × 1 engines)"),
        Arguments.of("empty corpus", spec("[{model: char_rnn, corpus: CORPUS}]", grid), "2:13",
            "workload char_rnn(corpus="),
        Arguments.of("images not gzipped", spec(images, grid), "2:13",
            "workload fmnist_logreg(data_dir="),
        Arguments.of("images with a negative count", spec(images, grid), "2:13",
            "workload fmnist_logreg(data_dir="),
        Arguments.of("claim on an optimizer the grid lacks", spec("[mlp]", grid
            + "expect:\n  - {claim: x, check: \"median(final_loss | optimizer=adma) < 1\"}\n"),
            "6:23", "check: filter optimizer=adma in median(final_loss | optimizer=adma) selects"
                + " no run of the grid, which has optimizer adam"),
        Arguments.of("claim on a learning rate the grid lacks", spec("[mlp]", grid
            + "expect:\n  - {claim: x, check: \"median(final_loss | lr=0.5) < 1\"}\n"),
            "6:23", "check: filter lr=0.5 in median(final_loss | lr=0.5) selects no run of the"
                + " grid, which has lr 0.001"));
  }

  /** Damages the image set as the case says; the other cases leave it intact. */
  private static void damage(String defect, Path data) throws Exception {
    Path images = data.resolve("train-images-idx3-ubyte.gz");
    if (defect.equals("images not gzipped")) {
      Files.write(images, new byte[] {0, 0, 8, 3, 0, 0, 0, 20, 0, 0, 0, 28, 0, 0, 0, 28});
    } else if (defect.equals("images with a negative count")) {
      Files.delete(images);
      IdxFixtures.write(data.resolve("train-images-idx3-ubyte"), new int[] {-5, 28, 28},
          new byte[0]);
    }
  }
}
