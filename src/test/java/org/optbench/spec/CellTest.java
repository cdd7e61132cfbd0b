package org.optbench.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Run ids and labels: what results files and reports use to name and group runs. */
class CellTest {

  private static final String SPEC =
      """
      name: t
      workloads: [{model: mlp, hidden: [64]}]
      steps: 100
      seeds: [0, 1]
      grid:
        optimizer: [{name: adam, lr: 0.01}]
        clip: [{name: global_norm, max_norm: 1.0}]
      """;

  private static List<Cell> cells() throws SpecException {
    return SpecParser.parse(Path.of("t.yaml"), SPEC).cells();
  }

  @Test
  void sameCellGivesTheSameRunIdAcrossParses() throws SpecException {
    Cell a = cells().get(0);
    Cell b = cells().get(0);

    assertEquals(a.runId(), b.runId());
    assertTrue(a.runId().matches("[0-9a-f]{12}"), a.runId());
  }

  @Test
  void runIdDoesNotDependOnHowTheSpecIsWritten() throws SpecException {
    String reordered =
        """
        name: other-name
        description: same runs, written differently
        steps: 100
        seeds: [1, 0]
        workloads: [mlp]
        grid:
          clip:
            - name: global_norm
          optimizer:
            - {lr: 1e-2, name: adam, beta1: 0.9}
        """;
    Cell seed0 = SpecParser.parse(Path.of("u.yaml"), reordered).cells().get(1);

    assertEquals(0L, seed0.seed());
    assertEquals(cells().get(0).runId(), seed0.runId());
  }

  @Test
  void differentSeedGivesADifferentRunId() throws SpecException {
    List<Cell> cells = cells();

    assertEquals(0L, cells.get(0).seed());
    assertEquals(1L, cells.get(1).seed());
    assertNotEquals(cells.get(0).runId(), cells.get(1).runId());
  }

  @Test
  void differentHyperparameterGivesADifferentRunId() throws SpecException {
    Cell cell = cells().get(0);
    Map<String, Object> params = new LinkedHashMap<>(cell.optimizer().params());
    params.put("lr", 0.001);
    Component slower = new Component(cell.optimizer().def(), params);
    Cell other =
        new Cell(cell.workload(), slower, cell.clip(), cell.schedule(), cell.seed(), cell.dataSeed(), cell.engine(),
            cell.steps(), cell.evalEvery());

    assertNotEquals(cell.runId(), other.runId());
  }

  @Test
  void labelLeavesOutSeedAndConstantSchedule() throws SpecException {
    List<Cell> cells = cells();

    assertEquals("mlp · adam(lr=0.01) · global_norm · djl", cells.get(0).label());
    assertEquals(cells.get(0).label(), cells.get(1).label());
  }

  @Test
  void componentLabelsShowLrAndNonDefaults() throws SpecException {
    ExperimentSpec spec =
        SpecParser.parse(
            Path.of("t.yaml"),
            """
            name: t
            workloads: [linear_regression, {model: mlp, hidden: [128, 64]}]
            steps: 10
            grid:
              optimizer:
                - sgd
                - {name: sgd, lr: 0.1, momentum: 0.9, nesterov: true}
                - {name: adam, beta2: 0.99, amsgrad: true}
              clip: [none, {name: global_norm, max_norm: 0.5}]
            """);

    assertEquals(
        List.of("sgd(lr=0.001)", "sgd(lr=0.1,momentum=0.9,nesterov=true)",
            "adam(lr=0.001,beta2=0.99,amsgrad=true)"),
        spec.optimizers().stream().map(Component::label).toList());
    assertEquals(
        List.of("linear_regression", "mlp(hidden=[128;64])"),
        spec.workloads().stream().map(Component::label).toList());
    assertEquals(
        List.of("none", "global_norm(max_norm=0.5)"),
        spec.clips().stream().map(Component::label).toList());
  }

  @Test
  void configListsEveryParameterInDefinitionOrder() throws SpecException {
    Component adam = cells().get(0).optimizer();

    assertEquals(
        "lr=0.01,beta1=0.9,beta2=0.999,eps=1.0E-8,weight_decay=0.0,amsgrad=false,impl=torch", adam.config());
  }
}
