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
 * Parameter groups from a spec: a grouped grid trains on both engines to the same numbers with
 * the state each group's formula gives; specs whose groups do not fit the model are refused by
 * {@code validate} and {@code run} with one line at the optimizer's entry, exit 2, nothing
 * written.
 */
class ParamGroupsCliTest {

  private static final String MLP =
      "name: g\nworkloads: [{model: mlp, hidden: [8], dataset: synthetic_blobs, classes: 3}]\n"
          + "steps: 10\ngrid:\n  optimizer:\n";

  @TempDir Path dir;

  static Stream<Arguments> badSpecs() {
    return Stream.of(
        Arguments.of("muon without a matrix",
            "name: g\nworkloads: [{model: rosenbrock, dim: 2}]\nsteps: 10\n"
                + "grid: {optimizer: [{name: muon, lr: 0.02}]}\n",
            "4:20", "optimizer muon(lr=0.02) on workload rosenbrock: muon updates 2-D matrices"
                + " only and none of the parameters (x (rank 1)) is one it can take"),
        Arguments.of("pattern matching nothing",
            MLP + "    - name: adamw\n      groups:\n"
                + "        - {select: {name: norm}, weight_decay: 0.0}\n",
            "6:7", "optimizer adamw(lr=0.001,groups=[name=norm:adamw(lr=0.001,weight_decay=0.0)])"
                + " on workload mlp(hidden=[8]): groups[0] (name=norm) selects no parameter"),
        Arguments.of("two groups claiming one tensor",
            MLP + "    - name: adamw\n      groups:\n"
                + "        - {select: {rank: 1}, weight_decay: 0.0}\n"
                + "        - {select: {name: bias}, optimizer: {name: sgd, lr: 0.1}}\n",
            "6:7", "optimizer adamw(lr=0.001,groups=[rank=1:adamw(lr=0.001,weight_decay=0.0);"
                + "name=bias:sgd(lr=0.1)]) on workload mlp(hidden=[8]): parameter layer0.bias is"
                + " claimed by groups[0] (rank=1) and by groups[1] (name=bias)"),
        Arguments.of("a group giving muon a vector",
            MLP + "    - {name: adamw, groups: [{select: {rank: 1}, optimizer: {name: muon}}]}\n",
            "6:7", "optimizer adamw(lr=0.001,groups=[rank=1:muon(lr=0.001)]) on workload"
                + " mlp(hidden=[8]): groups[0] (rank=1) gives the rank-1 parameter layer0.bias to"
                + " muon, which updates 2-D matrices only"),
        Arguments.of("out-of-range group hyperparameter",
            MLP + "    - name: adamw\n      groups:\n"
                + "        - {select: {rank: 1}, weight_decay: -1.0}\n",
            "8:45", "optimizer adamw: groups[0]: weight_decay must be >= 0, got -1.0"),
        Arguments.of("out-of-range muon hyperparameter",
            MLP + "    - {name: muon, ns_steps: 0}\n",
            "6:30", "optimizer muon: ns_steps must be in [1, 99], got 0"),
        Arguments.of("a selector that is not a regular expression",
            MLP + "    - {name: adamw, groups: [{select: {name: \"bias(\"}, weight_decay: 0.0}]}\n",
            "6:46", "optimizer adamw: groups[0]: select.name 'bias(' is not a regular"
                + " expression"),
        Arguments.of("a group with alternatives",
            MLP + "    - {name: adamw, groups: [{select: {rank: 1}, weight_decay: [0.0, 0.1]}]}\n",
            "6:30", "optimizer adamw: groups[0]: a parameter group takes one value per"
                + " hyperparameter"),
        Arguments.of("a tuned entry with groups",
            MLP + "    - name: adamw\n      tune: {lr: {log: [0.0001, 0.1]}}\n"
                + "      groups: [{select: {rank: 1}, weight_decay: 0.0}]\n"
                + "tuning: {trials: 2, select: final_loss_avg}\n",
            "8:7", "optimizer adamw: a tuned entry cannot have parameter groups"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSpecs")
  void refusedWithOneLineAtTheEntryAndNothingWritten(String defect, String spec, String at,
      String problem) throws Exception {
    Path file = Files.writeString(dir.resolve("g.yaml"), spec);
    Cli.assertSpecRejected(file, dir, at + ": " + problem, problem);
  }

  @Test
  void groupedEntriesTrainAlikeOnBothEnginesWithEachGroupsState() throws Exception {
    Path file = Files.writeString(dir.resolve("g.yaml"), MLP.replace("steps: 10",
        "steps: 20\nengines: [djl, native]\ncrosscheck: lockstep")
        + "    - {name: muon, lr: 0.02}\n"
        + "    - name: muon\n      lr: 0.02\n      groups:\n"
        + "        - {select: {rank: 1}, optimizer: {name: sgd, lr: 0.1, momentum: 0.9}}\n"
        + "    - name: adamw\n      groups:\n"
        + "        - {select: {name: bias}, weight_decay: 0.0, lr: 0.01}\n");
    Path results = dir.resolve("results");
    Cli.Result run = Cli.execute("run", file.toString(), "--out", results.toString(),
        "--reports", dir.resolve("reports").toString(), "--no-progress");
    assertEquals(0, run.exit(), run.err());
    Table runs = Table.read().csv(results.resolve("g/runs.csv").toFile());
    // mlp(hidden=[8]) on 2 features, 3 classes: weights 8×2 and 3×8 (40 values), biases 8 and
    // 3 (11). Muon: a momentum per matrix value (160 B) + AdamW's m, v on the biases (88 B);
    // with the SGD group: 160 + 44 B; AdamW everywhere: 51·8 = 408 B.
    Map<String, Long> expected = Map.of("muon(lr=0.02)", 248L,
        "muon(lr=0.02,groups=[rank=1:sgd(lr=0.1,momentum=0.9)])", 204L,
        "adamw(lr=0.001,groups=[name=bias:adamw(lr=0.01,weight_decay=0.0)])", 408L);
    Map<String, Double> djlLoss = new HashMap<>();
    Map<String, Double> nativeLoss = new HashMap<>();
    for (Row row : runs) {
      String label = row.getString("cell").split(" · ")[1];
      assertEquals(expected.get(label), (long) row.getInt("optimizer_state_bytes"), label);
      (row.getString("engine").equals("djl") ? djlLoss : nativeLoss)
          .put(label, row.getDouble("final_loss"));
    }
    assertEquals(3, djlLoss.size());
    djlLoss.forEach((label, loss) -> assertEquals(nativeLoss.get(label), loss, 1e-5, label));
    Table cross = Table.read().csv(results.resolve("g/crosscheck.csv").toFile());
    assertTrue(cross.doubleColumn("max_rel").max() <= 1e-6, "lockstep " + cross.doubleColumn(
        "max_rel").max());
  }
}
