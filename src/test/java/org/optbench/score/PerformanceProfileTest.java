package org.optbench.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PerformanceProfileTest {

  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double EPS = 1e-12;

  /**
   * Three workloads × three optimizers. Rows are workloads, columns optimizers s0, s1, s2.
   *
   * <pre>
   *   A: times 10, 25, 50   fastest 10   ratios 1,   2.5, 5
   *   B: times 36, ∞,  12   fastest 12   ratios 3,   ∞,   1
   *   C: times ∞,  ∞,  ∞    nobody       ratios ∞,   ∞,   ∞
   * </pre>
   */
  private static final double[][] TIMES = {{10, 25, 50}, {36, INF, 12}, {INF, INF, INF}};

  private static final PerformanceProfile PROFILE = PerformanceProfile.of(TIMES);

  @Test
  void ratiosByHand() {
    double[][] expected = {{1, 2.5, 5}, {3, INF, 1}, {INF, INF, INF}};
    for (int w = 0; w < 3; w++) {
      for (int s = 0; s < 3; s++) {
        assertEquals(expected[w][s], PROFILE.ratio(w, s), "w" + w + " s" + s);
      }
    }
  }

  @Test
  void rhoByHand() {
    // s0, ratios {1, 3, ∞}: within 1 on A only; within 3 on A and B; C never.
    assertEquals(1.0 / 3, PROFILE.rho(0, 1.0), EPS);
    assertEquals(1.0 / 3, PROFILE.rho(0, 2.999), EPS);
    assertEquals(2.0 / 3, PROFILE.rho(0, 3.0), EPS);
    assertEquals(2.0 / 3, PROFILE.rho(0, 4.0), EPS);
    // s1, ratios {2.5, ∞, ∞}: fastest nowhere; within 2.5 on A.
    assertEquals(0.0, PROFILE.rho(1, 1.0), EPS);
    assertEquals(0.0, PROFILE.rho(1, 2.49), EPS);
    assertEquals(1.0 / 3, PROFILE.rho(1, 2.5), EPS);
    assertEquals(1.0 / 3, PROFILE.rho(1, 1e9), EPS);
    // s2, ratios {5, 1, ∞}: fastest on B; A only from τ = 5, beyond r_max = 4.
    assertEquals(1.0 / 3, PROFILE.rho(2, 1.0), EPS);
    assertEquals(1.0 / 3, PROFILE.rho(2, 4.0), EPS);
    assertEquals(2.0 / 3, PROFILE.rho(2, 5.0), EPS);
  }

  @Test
  void scoreByHand() {
    // B = 1/(4 − 1) · ∫_1^4 ρ(τ) dτ
    // s0: ρ = 1/3 on [1, 3), 2/3 on [3, 4]: ∫ = (1/3)·2 + (2/3)·1 = 4/3;   B = 4/9
    //     (sum form: (1/3)·[(4 − 1) + (4 − 3)] = 4/3)
    // s1: ρ = 0 on [1, 2.5), 1/3 on [2.5, 4]: ∫ = (1/3)·1.5 = 1/2;         B = 1/6
    // s2: ρ = 1/3 on [1, 4] (its ratio 5 earns nothing): ∫ = (1/3)·3 = 1;  B = 1/3
    assertEquals(4.0 / 9, PROFILE.score(0), EPS);
    assertEquals(1.0 / 6, PROFILE.score(1), EPS);
    assertEquals(1.0 / 3, PROFILE.score(2), EPS);
    assertArrayEquals(new double[] {4.0 / 9, 1.0 / 6, 1.0 / 3}, PROFILE.scores(), EPS);
    // With r_max = 6, s2's ratio 5 counts: (1/5)·(1/3)·[(6 − 5) + (6 − 1)] = 2/5.
    assertEquals(2.0 / 5, PROFILE.score(2, 6.0), EPS);
  }

  @Test
  void stepsByHand() {
    assertSteps(new double[] {1, 3, 4}, new double[] {1.0 / 3, 2.0 / 3, 2.0 / 3}, PROFILE.steps(0, 4));
    assertSteps(new double[] {1, 2.5, 4}, new double[] {0, 1.0 / 3, 1.0 / 3}, PROFILE.steps(1, 4));
    assertSteps(new double[] {1, 4}, new double[] {1.0 / 3, 1.0 / 3}, PROFILE.steps(2, 4));
    // A jump exactly at r_max ends the curve there, without a repeated point.
    assertSteps(new double[] {1, 3}, new double[] {1.0 / 3, 2.0 / 3}, PROFILE.steps(0, 3));
  }

  @Test
  void tiedRatiosMakeOneJump() {
    PerformanceProfile p = PerformanceProfile.of(new double[][] {{1, 2}, {1, 2}, {2, 1}});
    assertSteps(new double[] {1, 2, 4}, new double[] {1.0 / 3, 1, 1}, p.steps(1, 4));
  }

  @Test
  void everyoneFastestScoresOne() {
    PerformanceProfile p = PerformanceProfile.of(new double[][] {{5, 5}, {7, 7}});
    assertEquals(1.0, p.score(0), EPS);
    assertEquals(1.0, p.score(1), EPS);
  }

  @Test
  void zeroTimeIsFastest() {
    PerformanceProfile p = PerformanceProfile.of(new double[][] {{0, 0, 3}});
    assertEquals(1.0, p.ratio(0, 0));
    assertEquals(1.0, p.ratio(0, 1));
    assertEquals(INF, p.ratio(0, 2));
  }

  @Test
  void algoPerfGridScoreMatchesNumpyTrapezoid() {
    for (JsonNode c : Golden.get("profiles")) {
      PerformanceProfile p = PerformanceProfile.of(Golden.matrix(c.get("times")));
      double[] grid = Golden.doubles(c.get("grid_score"));
      double[] exact = Golden.doubles(c.get("exact_score"));
      for (int s = 0; s < p.optimizers(); s++) {
        assertEquals(grid[s], p.gridScore(s, 4, PerformanceProfile.ALGOPERF_GRID_POINTS), EPS, c.toString());
        assertEquals(exact[s], p.score(s), EPS, c.toString());
      }
    }
  }

  @Test
  void gridOverCreditsRatiosOnGridPointsByHalfAStep() {
    // s0's ratio 3 = 1 + 66·(3/99) is a grid point: the trapezoid gives it credit from the midpoint
    // of the cell below, half a step (3/99)/2 early: B rises by (3/198)/3/3 = 1/594.
    assertEquals(4.0 / 9 + 1.0 / 594, PROFILE.gridScore(0, 4, 100), EPS);
    // A ratio of exactly r_max earns nothing exactly and 1/198 per workload on the grid.
    PerformanceProfile p = PerformanceProfile.of(new double[][] {{1, 4}});
    assertEquals(0.0, p.score(1), EPS);
    assertEquals(1.0 / 198, p.gridScore(1, 4, 100), EPS);
  }

  @Test
  void gridAndExactScoresDifferByAtMostHalfAGridStep() {
    SplittableRandom random = new SplittableRandom(7);
    double bound = 1.0 / (2 * 99);
    for (int trial = 0; trial < 200; trial++) {
      int workloads = 1 + random.nextInt(10);
      int optimizers = 1 + random.nextInt(5);
      double[][] times = new double[workloads][optimizers];
      for (double[] row : times) {
        for (int s = 0; s < optimizers; s++) {
          // Round to quarters so that ties and ratios on grid points occur.
          row[s] = random.nextDouble() < 0.2 ? INF : Math.round(4 + 40 * random.nextDouble()) / 4.0;
        }
      }
      PerformanceProfile p = PerformanceProfile.of(times);
      for (int s = 0; s < optimizers; s++) {
        double diff = Math.abs(p.gridScore(s, 4, 100) - p.score(s));
        assertTrue(diff <= bound + EPS, "difference " + diff + " above 1/198 for " + p);
      }
    }
  }

  @Test
  void stepsIntegrateToTheScore() {
    SplittableRandom random = new SplittableRandom(11);
    for (int trial = 0; trial < 100; trial++) {
      double[][] times = new double[1 + random.nextInt(8)][3];
      for (double[] row : times) {
        for (int s = 0; s < 3; s++) {
          row[s] = random.nextDouble() < 0.2 ? INF : 1 + 9 * random.nextDouble();
        }
      }
      PerformanceProfile p = PerformanceProfile.of(times);
      for (int s = 0; s < 3; s++) {
        ProfileSteps steps = p.steps(s, 4);
        double[] tau = steps.tau();
        double[] rho = steps.rho();
        double area = 0;
        for (int k = 0; k + 1 < tau.length; k++) {
          area += rho[k] * (tau[k + 1] - tau[k]);
          assertEquals(rho[k], p.rho(s, tau[k]), EPS);
        }
        assertEquals(4.0, tau[tau.length - 1]);
        assertEquals(p.score(s), area / 3, 1e-9);
      }
    }
  }

  @Test
  void invalidTablesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> PerformanceProfile.of(new double[0][]));
    assertThrows(IllegalArgumentException.class, () -> PerformanceProfile.of(new double[][] {{1, 2}, {1}}));
    assertThrows(IllegalArgumentException.class, () -> PerformanceProfile.of(new double[][] {{1, Double.NaN}}));
    assertThrows(IllegalArgumentException.class, () -> PerformanceProfile.of(new double[][] {{-1, 2}}));
    assertThrows(IllegalArgumentException.class, () -> PROFILE.score(0, 1.0));
  }

  private static void assertSteps(double[] tau, double[] rho, ProfileSteps steps) {
    assertArrayEquals(tau, steps.tau(), EPS);
    assertArrayEquals(rho, steps.rho(), EPS);
  }
}
