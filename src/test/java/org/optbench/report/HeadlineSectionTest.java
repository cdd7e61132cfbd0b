package org.optbench.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The headline's verdict on best against runner-up: a paired t-interval over shared seeds, checked
 * by hand.
 */
class HeadlineSectionTest {

  private static String sentence(Map<String, double[]> values) {
    List<String> optimizers = new ArrayList<>(values.keySet());
    Table runs = CellTables.runs(optimizers, List.of("none"), List.of(0L, 1L, 2L),
        (o, c, s) -> values.get(o)[(int) s]);
    List<HeadlineSection.Ranked> ranked = new ArrayList<>();
    for (CellInfo cell : CellInfo.of(runs)) {
      ranked.add(new HeadlineSection.Ranked(cell, RunStats.estimate(runs, cell.cell(), "final_loss_avg")));
    }
    ranked.sort(Comparator.comparingDouble(r -> r.estimate().value()));
    return HeadlineSection.sentence(runs, "final_loss_avg", ranked, ranked.size());
  }

  /**
   * Differences a − b per seed: −0.5, −0.4, −0.7; mean −0.5333, sd 0.15275, t(0.975, 2) = 4.3027,
   * half-width 4.3027·0.15275/√3 = 0.3795: [−0.9128, −0.1539], below zero.
   */
  @Test
  void aConsistentGapOverPairedSeedsSeparatesTheBest() {
    String text = sentence(Map.of("sgd(lr=0.1)", new double[] {1.0, 2.0, 3.0},
        "adam(lr=0.01)", new double[] {1.5, 2.4, 3.7}));
    assertTrue(text.startsWith("sgd(lr=0.1) · none · djl has the lowest mean final_loss_avg"), text);
    assertTrue(text.contains("-0.5333 [-0.9128, -0.1539] over 3 seeds"), text);
    assertTrue(text.endsWith("below zero: the best is separated at 95%."), text);
  }

  /** Differences 0.1, −0.5, −0.1: mean −0.1667 with a half-width of 0.77, so zero is inside. */
  @Test
  void aGapWithinTheSeedNoiseIsUndecided() {
    String text = sentence(Map.of("sgd(lr=0.1)", new double[] {1.0, 2.0, 3.0},
        "adam(lr=0.01)", new double[] {0.9, 2.5, 3.1}));
    assertTrue(text.contains("which includes zero: undecided"), text);
    assertTrue(text.contains("seeds would decide if the spread held"), text);
  }
}
