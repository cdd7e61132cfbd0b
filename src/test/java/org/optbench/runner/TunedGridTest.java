package org.optbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.optbench.metrics.RunSummary;
import org.optbench.spec.Cell;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.SpecParser;
import org.optbench.spec.Trial;

/** Which trial a study reruns, and when: the rules {@link TunedGrid} applies to results. */
class TunedGridTest {

  private static final String SPEC = """
      name: select
      workloads: [{model: quadratic, dim: 2}]
      steps: 4
      seeds: [0, 1]
      tuning: {trials: 4, select: %s}
      grid:
        optimizer:
          - {name: sgd, tune: {lr: {log: [1.0e-3, 1.0]}}}
      """;

  @Test
  void rerunsTheTrialWithTheLowestLossOnEverySeed() throws Exception {
    ExperimentSpec spec = spec("final_eval_loss");
    List<Cell> trials = spec.cells();
    Map<Cell, RunSummary> results = results(trials, new double[] {0.5, 0.2, 0.9, 0.3}, -1);
    List<Cell> reruns = TunedGrid.reruns(spec, trials, c -> Optional.ofNullable(results.get(c)));
    assertEquals(2, reruns.size());
    for (Cell rerun : reruns) {
      assertEquals(trials.get(1).optimizer(), rerun.optimizer());
      assertEquals(Trial.Role.FINAL, rerun.trial().role());
      assertEquals(trials.get(1).trial().index(), rerun.trial().index());
    }
    assertEquals(List.of(0L, 1L), reruns.stream().map(Cell::seed).toList());
  }

  @Test
  void aDivergedTrialIsNeverSelectedAndTheFirstOfEqualsWins() throws Exception {
    ExperimentSpec spec = spec("final_eval_loss");
    List<Cell> trials = spec.cells();
    // Trial 0 diverged (its loss would be lowest); trials 2 and 3 tie: the earlier one wins.
    Map<Cell, RunSummary> results = results(trials, new double[] {0.01, 0.5, 0.2, 0.2}, 0);
    Cell rerun = TunedGrid.reruns(spec, trials, c -> Optional.ofNullable(results.get(c))).get(0);
    assertEquals(trials.get(2).optimizer(), rerun.optimizer());
  }

  @Test
  void accuracyIsSelectedHighest() throws Exception {
    ExperimentSpec spec = spec("final_accuracy");
    List<Cell> trials = spec.cells();
    Map<Cell, RunSummary> results = results(trials, new double[] {0.5, 0.2, 0.9, 0.3}, -1);
    Cell rerun = TunedGrid.reruns(spec, trials, c -> Optional.ofNullable(results.get(c))).get(0);
    assertEquals(trials.get(2).optimizer(), rerun.optimizer());
  }

  @Test
  void noRerunsWhileATrialHasNoResult() throws Exception {
    ExperimentSpec spec = spec("final_eval_loss");
    List<Cell> trials = spec.cells();
    Map<Cell, RunSummary> results = results(trials, new double[] {0.5, 0.2, 0.9, 0.3}, -1);
    results.remove(trials.get(3));
    assertTrue(TunedGrid.reruns(spec, trials, c -> Optional.ofNullable(results.get(c))).isEmpty());
  }

  @Test
  void aStudysTrialsAndRerunsShareAShard() throws Exception {
    ExperimentSpec spec = SpecParser.parse(Path.of("two.yaml"), SPEC.formatted("final_eval_loss")
        .replace("- {name: sgd,", "- {name: adam, tune: {lr: {log: [1.0e-3, 1.0]}}}\n"
            + "    - {name: sgd,"));
    List<Cell> zero = new Shard(0, 2).select(spec.cells());
    List<Cell> one = new Shard(1, 2).select(spec.cells());
    assertEquals(4, zero.size());
    assertEquals(4, one.size());
    assertEquals(1, zero.stream().map(TunedGrid::unit).distinct().count());
    assertEquals(1, one.stream().map(TunedGrid::unit).distinct().count());
  }

  private static ExperimentSpec spec(String select) throws Exception {
    return SpecParser.parse(Path.of("select.yaml"), SPEC.formatted(select));
  }

  /** Each trial's summary with {@code values} as its eval loss and accuracy. */
  private static Map<Cell, RunSummary> results(List<Cell> trials, double[] values, int diverged) {
    Map<Cell, RunSummary> results = new HashMap<>();
    for (int i = 0; i < trials.size(); i++) {
      boolean d = i == diverged;
      results.put(trials.get(i), new RunSummary(trials.get(i), 4, values[i], values[i],
          values[i], values[i], d, d ? 2 : -1, 1, 1, 2, 8, 0, 0, values[i], 0, 0));
    }
    return results;
  }
}
