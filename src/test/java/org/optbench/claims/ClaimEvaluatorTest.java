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
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Verdicts on hand-made result tables, where every median and band can be read off the data:
 * Adam's final losses are 0.1, 0.2, 0.3 (median 0.2, band 0.1–0.3).
 */
class ClaimEvaluatorTest {

  private static ResultSet results(double[] sgdLosses) {
    Table runs = Table.create("runs.csv",
        StringColumn.create("optimizer", "adam", "adam", "adam", "sgd", "sgd", "sgd"),
        StringColumn.create("optimizer_config", "lr=0.01,amsgrad=true", "lr=0.01,amsgrad=false",
            "lr=0.01,amsgrad=true", "lr=0.1,momentum=0.0", "lr=0.1,momentum=0.0",
            "lr=0.1,momentum=0.0"),
        DoubleColumn.create("lr", 0.01, 0.01, 0.01, 0.1, 0.1, 0.1),
        DoubleColumn.create("final_loss",
            0.1, 0.2, 0.3, sgdLosses[0], sgdLosses[1], sgdLosses[2]),
        BooleanColumn.create("diverged", new boolean[] {false, false, false, false, false, true}));
    Table steps = Table.create("steps.csv",
        StringColumn.create("clip", "global_norm", "global_norm", "none"),
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
  void separatedSeedBandsReproduceTheClaim() throws Exception {
    // SGD 0.5, 0.6, 0.7: even Adam's worst seed (0.3) beats SGD's best (0.5).
    ClaimResult result = evaluate(results(new double[] {0.5, 0.6, 0.7}), ADAM_BEATS_SGD);
    assertEquals(Verdict.REPRODUCED, result.verdict());
    assertEquals("median(final_loss | optimizer=adam) = 0.200000 (runs 0.100000–0.300000), n=3; "
        + "median(final_loss | optimizer=sgd) = 0.600000 (runs 0.500000–0.700000), n=3",
        result.numbers());
  }

  @Test
  void overlappingSeedBandsAreInconclusiveEvenWhenTheMediansAgree() throws Exception {
    // SGD 0.25, 0.6, 0.7: medians 0.2 < 0.6, but SGD's best seed (0.25) beats Adam's worst (0.3).
    assertEquals(Verdict.INCONCLUSIVE,
        evaluate(results(new double[] {0.25, 0.6, 0.7}), ADAM_BEATS_SGD).verdict());
  }

  @Test
  void theReverseClaimIsNotReproduced() throws Exception {
    assertEquals(Verdict.NOT_REPRODUCED, evaluate(results(new double[] {0.5, 0.6, 0.7}),
        "median(final_loss | optimizer=sgd) < median(final_loss | optimizer=adam)").verdict());
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
    // Runs 1 and 3 have amsgrad=true: losses 0.1 and 0.3, median 0.2, band 0.1–0.3.
    ClaimResult result = evaluate(results(new double[] {0.5, 0.6, 0.7}),
        "median(final_loss | amsgrad=true) < 0.35 and count(final_loss | momentum=0) == 3");
    assertEquals(Verdict.REPRODUCED, result.verdict(), result.numbers());
    assertTrue(result.numbers().startsWith(
        "median(final_loss | amsgrad=true) = 0.200000 (runs 0.100000–0.300000), n=2"));
    // Equality against a value with a seed band cannot be decided: the band straddles it.
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
