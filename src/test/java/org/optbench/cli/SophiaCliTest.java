package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * Sophia from a spec: refused with one line at the optimizer's entry (exit 2, nothing written)
 * on a workload whose loss samples no labels, directly or through a parameter group; on a
 * classifier, both engines train to the same numbers, lockstep agrees and the state is 8 bytes
 * per parameter.
 */
class SophiaCliTest {

  @TempDir Path dir;

  static Stream<Arguments> badSpecs() {
    String reason = ": its Hessian-diagonal estimate (Gauss–Newton–Bartlett) backpropagates"
        + " labels sampled from the model's softmax output, and this workload's loss (";
    return Stream.of(
        Arguments.of("a regression",
            "name: s\nworkloads: [{model: linear_regression, dataset: synthetic_linear}]\n"
                + "steps: 10\ngrid:\n  optimizer:\n    - adam\n    - {name: sophia, lr: 0.01}\n",
            "7:7", "optimizer sophia(lr=0.01) on workload linear_regression" + reason
                + "mean squared error) has none"),
        Arguments.of("an analytic objective",
            "name: s\nworkloads: [{model: rosenbrock}]\nsteps: 10\n"
                + "grid: {optimizer: [sophia]}\n",
            "4:20", "optimizer sophia(lr=1.0E-4) on workload rosenbrock" + reason
                + "objective) has none"),
        Arguments.of("a parameter group",
            "name: s\nworkloads: [{model: linear_regression, dataset: synthetic_linear}]\n"
                + "steps: 10\ngrid:\n  optimizer:\n    - name: adamw\n      groups:\n"
                + "        - {select: {rank: 1}, optimizer: {name: sophia}}\n",
            "6:7", "optimizer adamw(lr=0.001,groups=[rank=1:sophia(lr=1.0E-4)]) on workload"
                + " linear_regression" + reason + "mean squared error) has none"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSpecs")
  void refusedWithOneLineAtTheEntryAndNothingWritten(String defect, String spec, String at,
      String problem) throws Exception {
    Path file = Files.writeString(dir.resolve("s.yaml"), spec);
    Cli.assertSpecRejected(file, dir, at + ": " + problem, problem);
  }

  @Test
  void bothEnginesTrainAlikeWithEightBytesPerParameter() throws Exception {
    Path file = Files.writeString(dir.resolve("s.yaml"),
        "name: s\nworkloads: [{model: mlp, hidden: [8], dataset: synthetic_blobs, classes: 3}]\n"
            + "steps: 20\nengines: [djl, native]\ncrosscheck: lockstep\ngrid:\n  optimizer:\n"
            + "    - {name: sophia, lr: 0.01, update_interval: 3}\n"
            + "    - {name: sophia, lr: 0.01, clip_threshold: null, eps: 0.05}\n"
            + "    - name: adamw\n      groups:\n"
            + "        - {select: {rank: 2}, optimizer: {name: sophia, lr: 0.01,"
            + " update_interval: 2}}\n");
    Path results = dir.resolve("results");
    Cli.Result run = Cli.execute("run", file.toString(), "--out", results.toString(),
        "--reports", dir.resolve("reports").toString(), "--no-progress");
    assertEquals(0, run.exit(), run.err());
    Table runs = Table.read().csv(results.resolve("s/runs.csv").toFile());
    // mlp(hidden=[8]) on 2 features, 3 classes: 8×2 + 8 + 3×8 + 3 = 51 parameters. Sophia's m and
    // h: 8·51 = 408 B; in the group its 40 matrix values (320 B) and AdamW's m, v on the 11
    // bias values (88 B).
    Map<String, Double> djlLoss = new HashMap<>();
    Map<String, Double> nativeLoss = new HashMap<>();
    for (Row row : runs) {
      String label = row.getString("cell").split(" · ")[1];
      assertEquals(408L, (long) row.getInt("optimizer_state_bytes"), label);
      (row.getString("engine").equals("djl") ? djlLoss : nativeLoss)
          .put(label, row.getDouble("final_loss"));
    }
    assertEquals(3, djlLoss.size());
    djlLoss.forEach((label, loss) -> assertEquals(nativeLoss.get(label), loss, 1e-5, label));
    Table cross = Table.read().csv(results.resolve("s/crosscheck.csv").toFile());
    assertTrue(cross.numberColumn("max_rel").max() <= 1e-6, "lockstep " + cross.numberColumn(
        "max_rel").max());
  }
}
