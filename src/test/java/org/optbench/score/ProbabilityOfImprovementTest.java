package org.optbench.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optbench.stats.Estimate;
import org.optbench.stats.Interval;
import org.optbench.stats.Pairing;

class ProbabilityOfImprovementTest {

  private static final double NAN = Double.NaN;

  @Test
  void byHandWithTies() {
    double[] x = {1, 2, 3};
    double[] y = {2, 2, 4};
    // Higher is better, pairs (x_i, y_j):
    //   x=1: loses to 2, 2, 4                      → 0
    //   x=2: ties 2, 2 (½ each), loses to 4        → 1
    //   x=3: beats 2, 2, loses to 4                → 2
    // U = 3 of 9 pairs: P = 1/3.
    assertEquals(3.0, ProbabilityOfImprovement.u(x, y, Direction.HIGHER_IS_BETTER));
    assertEquals(1.0 / 3, ProbabilityOfImprovement.task(x, y, Direction.HIGHER_IS_BETTER), 1e-15);
    // Lower is better: the 6 decided pairs flip, the 2 ties stay: U = 9 − 3 = 6, P = 2/3.
    assertEquals(2.0 / 3, ProbabilityOfImprovement.task(x, y, Direction.LOWER_IS_BETTER), 1e-15);
  }

  @Test
  void identicalSamplesGiveOneHalf() {
    double[] x = {0.3, 0.1, 0.7};
    assertEquals(0.5, ProbabilityOfImprovement.task(x, x.clone(), Direction.HIGHER_IS_BETTER));
  }

  @Test
  void divergedRunsLoseToEveryNumberAndTieEachOther() {
    // Loss, lower is better. x = {NaN, 1}, y = {NaN, 2}:
    //   (NaN, NaN) tie ½; (NaN, 2) lose 0; (1, NaN) win 1; (1, 2) win 1 → U = 2.5, P = 2.5/4.
    double[] x = {NAN, 1};
    double[] y = {NAN, 2};
    assertEquals(2.5 / 4, ProbabilityOfImprovement.task(x, y, Direction.LOWER_IS_BETTER), 1e-15);
  }

  @Test
  void meanOverTasksWeighsEachTaskEqually() {
    List<double[]> x = List.of(new double[] {1, 2, 3}, new double[] {5});
    List<double[]> y = List.of(new double[] {2, 2, 4}, new double[] {4, 6});
    // Task 1: 1/3 (as above). Task 2: 5 beats 4, loses to 6: 1/2. Mean (1/3 + 1/2)/2 = 5/12.
    assertEquals(5.0 / 12, ProbabilityOfImprovement.mean(x, y, Direction.HIGHER_IS_BETTER), 1e-15);
  }

  @Test
  void uIsScipysMannWhitneyStatistic() {
    for (JsonNode c : Golden.get("mann_whitney")) {
      Direction d = c.get("higher_is_better").asBoolean() ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER;
      double[] x = Golden.doubles(c.get("x"));
      double[] y = Golden.doubles(c.get("y"));
      assertEquals(c.get("u").asDouble(), ProbabilityOfImprovement.u(x, y, d), 1e-12, c.toString());
      assertEquals(c.get("p_improvement").asDouble(), ProbabilityOfImprovement.task(x, y, d), 1e-12);
    }
  }

  @Test
  void intervalIsTheStratifiedBootstrapOfBothGroups() {
    List<double[]> x = List.of(new double[] {0.81, 0.84, 0.80, 0.86, 0.83}, new double[] {0.60, 0.66, 0.61});
    List<double[]> y = List.of(new double[] {0.79, 0.82, 0.80, 0.78}, new double[] {0.58, 0.63, 0.59, 0.60});
    Estimate e = ProbabilityOfImprovement.estimate(x, y, Direction.HIGHER_IS_BETTER, 0.95, 2000);
    assertEquals(ProbabilityOfImprovement.mean(x, y, Direction.HIGHER_IS_BETTER), e.value(), 1e-15);
    assertEquals(ProbabilityOfImprovement.STATISTIC, e.statistic());
    assertEquals(Pairing.UNPAIRED, e.pairing());
    assertEquals(8, e.n()); // 8 runs of X, 8 of Y
    Interval i = e.interval();
    assertEquals(Interval.Method.BOOTSTRAP_PERCENTILE, i.method());
    assertTrue(i.defined());
    assertTrue(0 <= i.low() && i.low() <= e.value() && e.value() <= i.high() && i.high() <= 1, i.toString());
    // Fixed seed: the same data give the same interval.
    assertEquals(i, ProbabilityOfImprovement.estimate(x, y, Direction.HIGHER_IS_BETTER, 0.95, 2000).interval());
  }

  @Test
  void singleRunsGiveAPointInterval() {
    // Resampling one run per group changes nothing: the interval is the point.
    Estimate e = ProbabilityOfImprovement.estimate(List.of(new double[] {2}), List.of(new double[] {1}),
        Direction.HIGHER_IS_BETTER, 0.95, 200);
    assertEquals(1.0, e.value());
    assertEquals(1.0, e.interval().low());
    assertEquals(1.0, e.interval().high());
  }

  @Test
  void mismatchedTasksAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> ProbabilityOfImprovement.mean(
        List.of(new double[] {1}), List.of(), Direction.HIGHER_IS_BETTER));
    assertThrows(IllegalArgumentException.class, () -> ProbabilityOfImprovement.task(
        new double[0], new double[] {1}, Direction.HIGHER_IS_BETTER));
  }
}
