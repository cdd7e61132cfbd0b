package org.optbench.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How many grid points an entry gives, and in which order; each count is worked out by hand. */
class GridExpansionTest {

  private static ExperimentSpec parse(String workloads, String grid) throws SpecException {
    return SpecParser.parse(
        Path.of("t.yaml"),
        "name: t\nworkloads: " + workloads + "\nsteps: 10\ngrid: " + grid + "\n");
  }

  private static List<String> optimizerLabels(String grid) throws SpecException {
    return parse("[mlp]", grid).optimizers().stream().map(Component::label).toList();
  }

  @Test
  void bareWordsGiveOnePointEach() throws SpecException {
    assertEquals(List.of("sgd(lr=0.001)", "adam(lr=0.001)"), optimizerLabels("{optimizer: [sgd, adam]}"));
  }

  @Test
  void aSingleValueGivesOnePoint() throws SpecException {
    assertEquals(List.of("adam(lr=0.01,beta2=0.99)"),
        optimizerLabels("{optimizer: [{name: adam, lr: 0.01, beta2: 0.99}]}"));
  }

  @Test
  void twoListsGiveTheirProductInDefinitionOrder() throws SpecException {
    // lr is listed before momentum in the sgd definition, so lr varies slowest: 2 x 3 = 6 points,
    // even though the spec writes momentum first.
    List<String> labels =
        optimizerLabels("{optimizer: [{name: sgd, momentum: [0.0, 0.5, 0.9], lr: [0.1, 0.01]}]}");

    assertEquals(
        List.of(
            "sgd(lr=0.1)", "sgd(lr=0.1,momentum=0.5)", "sgd(lr=0.1,momentum=0.9)",
            "sgd(lr=0.01)", "sgd(lr=0.01,momentum=0.5)", "sgd(lr=0.01,momentum=0.9)"),
        labels);
  }

  @Test
  void threeListsAcrossEntriesAddUp() throws SpecException {
    // 2 x 2 x 2 = 8 from the first entry, 3 from the second, 1 bare word: 12.
    ExperimentSpec spec =
        parse(
            "[mlp]",
            "{optimizer: [{name: adam, lr: [0.1, 0.01], beta1: [0.8, 0.9], amsgrad: [false, true]},"
                + " {name: sgd, lr: [1, 2, 3]}, sgd]}");

    assertEquals(12, spec.optimizers().size());
  }

  @Test
  void aListOfIntegersIsOneLayerSpec() throws SpecException {
    ExperimentSpec spec = parse("[{model: mlp, hidden: [128, 128]}]", "{optimizer: [adam]}");

    assertEquals(1, spec.workloads().size());
    assertEquals(List.of(128, 128), spec.workloads().get(0).integers("hidden"));
  }

  @Test
  void aListOfListsGivesOnePointPerLayerSpec() throws SpecException {
    ExperimentSpec spec =
        parse("[{model: mlp, hidden: [[64], [128, 128]], batch_size: [32, 64]}]", "{optimizer: [adam]}");

    // 2 layer specs x 2 batch sizes; hidden comes first in WorkloadDefs.MLP. Labels leave out
    // defaults (hidden [64], batch_size 64), so the second point is plain "mlp".
    assertEquals(
        List.of(
            "mlp(batch_size=32)", "mlp",
            "mlp(hidden=[128;128],batch_size=32)", "mlp(hidden=[128;128])"),
        spec.workloads().stream().map(Component::label).toList());
  }

  @Test
  void everyAxisMultipliesTheCells() throws SpecException {
    ExperimentSpec spec =
        SpecParser.parse(
            Path.of("t.yaml"),
            "name: t\nworkloads: [mlp, linear_regression]\nsteps: 10\nseeds: [0, 1, 2, 3]\n"
                + "grid:\n  optimizer: [sgd, adam, {name: adam, lr: [0.1, 0.2]}]\n"
                + "  clip: [none, {name: global_norm, max_norm: [0.5, 1.0, 2.0]}]\n");

    // 2 workloads x 4 optimizers x 4 clips x 1 schedule x 4 seeds x 1 engine
    assertEquals(128, spec.cells().size());
  }

  @Test
  void productOfNoParametersIsOneEmptyPoint() {
    assertEquals(List.of(Map.of()), GridExpansion.product(Map.of()));
  }
}
