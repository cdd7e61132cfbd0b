package org.optbench.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optbench.io.ResultSet;
import org.optbench.spec.Claim;
import org.optbench.spec.check.CheckParser;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Verdicts on hand-made result tables. Adam's final losses are 0.1, 0.2, 0.3 for seeds 0, 1, 2;
 * each test picks SGD's. Expected intervals were computed with scipy.stats.ttest_rel(adam,
 * sgd).confidence_interval(0.95) (t(0.975, 2) = 4.302653).
 */
class ClaimEvaluatorTest {

  private static ResultSet results(double[] sgdLosses) {
    return results(sgdLosses, new int[] {0, 1, 2});
  }

  private static ResultSet results(double[] sgdLosses, int[] sgdSeeds) {
    Table runs = Table.create("runs.csv",
        StringColumn.create("optimizer", "adam", "adam", "adam", "sgd", "sgd", "sgd"),
        StringColumn.create("optimizer_config", "lr=0.01,amsgrad=true", "lr=0.01,amsgrad=false",
            "lr=0.01,amsgrad=true", "lr=0.1,momentum=0.0", "lr=0.1,momentum=0.0",
            "lr=0.1,momentum=0.0"),
        DoubleColumn.create("optimizer_lr", 0.01, 0.01, 0.01, 0.1, 0.1, 0.1),
        IntColumn.create("seed", 0, 1, 2, sgdSeeds[0], sgdSeeds[1], sgdSeeds[2]),
        DoubleColumn.create("final_loss",
            0.1, 0.2, 0.3, sgdLosses[0], sgdLosses[1], sgdLosses[2]),
        BooleanColumn.create("diverged", new boolean[] {false, false, false, false, false, true}));
    Table steps = Table.create("steps.csv",
        StringColumn.create("clip_method", "global_norm", "global_norm", "none"),
        DoubleColumn.create("grad_norm_clipped", 0.5, 0.9999995, 7.0));
    return new ResultSet(Path.of("results/x"), null, steps, runs, Table.create("samples.csv"));
  }

  private static ClaimResult evaluate(ResultSet results, String check) throws Exception {
    Claim claim = new Claim("claim", "", check, CheckParser.parse(check), 1, 1);
    return new ClaimEvaluator(results).evaluate(List.of(claim)).get(0);
  }

  private static final String ADAM_BEATS_SGD =
      "median(final_loss | optimizer=adam) < median(final_loss | optimizer=sgd)";

  @Test
  void pairedIntervalBelowZeroReproducesTheClaim() throws Exception {
    // Differences −0.4, −0.45, −0.4: mean −0.41667, 95% t-interval [−0.48838, −0.34496].
    ClaimResult result = evaluate(results(new double[] {0.5, 0.65, 0.7}), ADAM_BEATS_SGD);
    assertEquals(Verdict.REPRODUCED, result.verdict());
    assertEquals("median(final_loss | optimizer=adam) = 0.200000, n=3 over 3 seeds; "
        + "median(final_loss | optimizer=sgd) = 0.650000, n=3 over 3 seeds; "
        + "[<] left − right: mean paired difference -0.4167 [-0.4884, -0.3450] 95% t, n=3, paired",
        result.numbers());
  }

  @Test
  void pairingDecidesWhatOverlappingSeedRangesCannot() throws Exception {
    // SGD 0.16, 0.24, 0.36 overlaps Adam's range 0.1–0.3, but seed by seed Adam is lower:
    // differences −0.06, −0.04, −0.06, interval [−0.08202, −0.02465].
    ClaimResult result = evaluate(results(new double[] {0.16, 0.24, 0.36}), ADAM_BEATS_SGD);
    assertEquals(Verdict.REPRODUCED, result.verdict(), result.numbers());
    assertTrue(result.numbers().contains("[-0.08202, -0.02465] 95% t, n=3, paired"), result.numbers());
  }

  @Test
  void intervalAcrossZeroIsInconclusiveAndSaysHowManySeedsWouldDecide() throws Exception {
    // Differences −0.2, 0.1, −0.05: mean −0.05, sd 0.15, interval [−0.42262, 0.32262]; at that
    // spread the interval first excludes 0 at n = 38 (scipy.stats.t.ppf).
    ClaimResult result = evaluate(results(new double[] {0.3, 0.1, 0.35}), ADAM_BEATS_SGD);
    assertEquals(Verdict.INCONCLUSIVE, result.verdict());
    assertTrue(result.numbers().contains("[-0.4226, 0.3226] 95% t"), result.numbers());
    assertTrue(result.numbers().contains("roughly 38 seeds would decide it"), result.numbers());
  }

  @Test
  void theReverseClaimIsNotReproduced() throws Exception {
    assertEquals(Verdict.NOT_REPRODUCED, evaluate(results(new double[] {0.5, 0.65, 0.7}),
        "median(final_loss | optimizer=sgd) < median(final_loss | optimizer=adam)").verdict());
  }

  @Test
  void cellsWithoutCommonSeedsAreComparedUnpairedAndSaySo() throws Exception {
    // SGD on seeds 3–5: Welch's interval (scipy.stats.ttest_ind(equal_var=False)):
    // [−0.64818, −0.18515].
    ClaimResult result = evaluate(results(new double[] {0.5, 0.65, 0.7}, new int[] {3, 4, 5}),
        ADAM_BEATS_SGD);
    assertEquals(Verdict.REPRODUCED, result.verdict());
    assertTrue(result.numbers().contains("[-0.6482, -0.1852] 95% Welch t, n=3, unpaired"), result.numbers());
  }

  @Test
  void withinIsAnEquivalenceTestOnPerSeedRatios() throws Exception {
    // SGD = Adam × (1.01, 0.99, 1.0): Adam/SGD − 1 = −0.0099, 0.0101, 0; 90% interval
    // [−0.016794, 0.016927] lies inside ±5% but not inside ±1%.
    ResultSet results = results(new double[] {0.101, 0.198, 0.3});
    String same = "median(final_loss | optimizer=adam), median(final_loss | optimizer=sgd)";
    ClaimResult fivePercent = evaluate(results, "within(" + same + ", 5%)");
    assertEquals(Verdict.REPRODUCED, fivePercent.verdict(), fivePercent.numbers());
    assertTrue(fivePercent.numbers().contains("[-0.01679, 0.01693] 90% t"), fivePercent.numbers());
    assertEquals(Verdict.INCONCLUSIVE, evaluate(results, "within(" + same + ", 1%)").verdict());
    // Adam at about half of SGD is far outside ±5%.
    assertEquals(Verdict.NOT_REPRODUCED, evaluate(results(new double[] {0.5, 0.65, 0.7}),
        "within(" + same + ", 5%)").verdict());
  }

  @Test
  void stepLevelMaximaAreExact() throws Exception {
    ResultSet results = results(new double[] {0.5, 0.6, 0.7});
    // max over the clipped rows is 0.9999995 ≤ 1 + 1e-6; over all rows it is 7.
    assertEquals(Verdict.REPRODUCED,
        evaluate(results, "max(grad_norm_after_clip | clip=global_norm) <= 1.0 + 1e-6").verdict());
    assertEquals(Verdict.NOT_REPRODUCED,
        evaluate(results, "max(grad_norm_after_clip) <= 1.0 + 1e-6").verdict());
    // Ordering filters on numeric columns: only 7.0 is above 1.
    assertEquals(Verdict.REPRODUCED,
        evaluate(results, "count(grad_norm_clipped | grad_norm_clipped>1) == 1").verdict());
  }

  @Test
  void countsNumericFiltersAndBooleansWork() throws Exception {
    ResultSet results = results(new double[] {0.5, 0.6, 0.7});
    assertEquals(Verdict.REPRODUCED,
        evaluate(results, "sum(diverged | optimizer=sgd) == 1 and count(final_loss | lr=0.1) == 3")
            .verdict());
    assertEquals(Verdict.REPRODUCED, evaluate(results, "sum(diverged | optimizer=adam) == 0").verdict());
  }

  @Test
  void hyperparametersFilterThroughTheConfigColumns() throws Exception {
    // Runs of seeds 0 and 2 have amsgrad=true: losses 0.1 and 0.3; against the constant 0.35 the
    // differences are −0.25 and −0.05, mean −0.15, 95% interval −0.15 ± 12.706·0.1414/√2 — wide.
    ClaimResult result = evaluate(results(new double[] {0.5, 0.6, 0.7}),
        "median(final_loss | amsgrad=true) < 0.35 and count(final_loss | momentum=0) == 3");
    assertEquals(Verdict.INCONCLUSIVE, result.verdict(), result.numbers());
    assertTrue(result.numbers().startsWith("median(final_loss | amsgrad=true) = 0.200000, n=2 over 2 seeds"),
        result.numbers());
    // Equality of a value that varies over seeds is never decided: within(...) is for that.
    assertEquals(Verdict.INCONCLUSIVE, evaluate(results(new double[] {0.5, 0.6, 0.7}),
        "median(final_loss | amsgrad=true) == 0.2").verdict());
  }

  @Test
  void nothingToMeasureIsInconclusive() throws Exception {
    ClaimResult result = evaluate(results(new double[] {0.5, 0.6, 0.7}),
        "median(final_loss | optimizer=lion) < 1");
    assertEquals(Verdict.INCONCLUSIVE, result.verdict());
    assertTrue(result.numbers().contains("n=0"), result.numbers());
  }
}
