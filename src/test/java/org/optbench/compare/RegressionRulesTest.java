package org.optbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optbench.compare.HandMadeSets.HERE;
import static org.optbench.compare.HandMadeSets.OTHER_CPU;
import static org.optbench.compare.HandMadeSets.isAdam;
import static org.optbench.compare.HandMadeSets.withFinal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.cli.Main;
import org.optbench.compare.Judgement.Method;
import org.optbench.compare.Judgement.Verdict;
import org.optbench.metrics.RunSummary;

/**
 * What {@code compare} calls a regression, on hand-made result sets (no training): the planted
 * regressions of {@code scripts/planted_regressions.py} on one machine (seeds compared exactly),
 * and the paired t-interval on another machine, checked against scipy.
 *
 * <p>Every run has the curve of {@link org.optbench.io.SampleResults#converging}: final loss
 * {@code (1 + seed/10)/√20} = 0.22361, 0.24597, 0.26833 for seeds 0, 1, 2 (mean 1.1/√20 =
 * 0.24597), final accuracy {@code 1 − loss/4}.
 */
class RegressionRulesTest {

  @TempDir static Path dir;
  static Path baseline;

  @BeforeAll
  static void baseline() throws Exception {
    baseline = HandMadeSets.write(dir.resolve("baseline"), HERE, s -> s);
  }

  private static Path current(String name, UnaryOperator<RunSummary> change) throws Exception {
    return HandMadeSets.write(dir.resolve(name), HERE, change);
  }

  /** The findings with {@code verdict}. */
  private static List<Finding> with(Comparison c, Verdict verdict) {
    return c.findings().stream().filter(f -> f.verdict() == verdict).toList();
  }

  private static Finding finding(Comparison c, String metric, boolean adam) {
    return c.findings().stream()
        .filter(f -> f.metric().equals(metric) && f.cell().contains("adam") == adam)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + metric + " finding\n" + ComparisonReport.text(c)));
  }

  @Test
  void anIdenticalRerunOnTheSameMachinePasses() throws Exception {
    Path rerun = current("rerun", s -> s);
    Comparison c = Comparison.of(baseline, rerun);
    assertTrue(c.deterministic(), c.determinismReason());
    assertEquals(0, c.failures(), ComparisonReport.text(c));
    assertEquals(c.findings().size(), c.count(Verdict.OK));
    // 2 cells × 8 metrics (all but steps/s, which is off).
    assertEquals(16, c.findings().size(), ComparisonReport.text(c));
    Output out = compare(baseline, rerun, dir.resolve("report-rerun"));
    assertEquals(0, out.exit(), out.all());
    assertTrue(out.out().contains("hand: 0 regressions, 0 changed, 0 missing"), out.all());
  }

  @Test
  void aTwoPercentWorseFinalLossIsARegressionInEveryCell() throws Exception {
    Path planted = current("loss", s -> withFinal(s, s.finalLoss() * 1.02, s.finalAccuracy()));
    Comparison c = Comparison.of(baseline, planted);
    assertEquals(2, c.failures(), ComparisonReport.text(c));
    for (boolean adam : new boolean[] {false, true}) {
      Judgement j = finding(c, "final_loss", adam).judgement();
      assertEquals(Verdict.REGRESSION, j.verdict());
      assertEquals(Method.PER_SEED, j.method());
      assertEquals(3, j.n());
      assertEquals(1.1 / Math.sqrt(20), j.baseline(), 1e-7);
      assertEquals(1.02 * 1.1 / Math.sqrt(20), j.current(), 1e-7);
      assertTrue(j.detail().startsWith("3 of 3 seeds worse"), j.detail());
      assertTrue(j.detail().contains("(+2.00%)"), j.detail());
    }
    Output out = compare(baseline, planted, dir.resolve("report-loss"));
    assertEquals(1, out.exit(), out.all());
    String sgd = finding(c, "final_loss", false).cell();
    assertTrue(out.out().lines().anyMatch(l -> l.startsWith("regression") && l.contains("final_loss")
        && l.contains("per-seed exact") && l.endsWith(sgd)), out.all());
  }

  @Test
  void anAccuracyOnePointLowerIsARegression() throws Exception {
    Path planted = current("accuracy", s -> withFinal(s, s.finalLoss(), s.finalAccuracy() - 0.01));
    Comparison c = Comparison.of(baseline, planted);
    assertEquals(2, c.failures(), ComparisonReport.text(c));
    Judgement j = finding(c, "final_accuracy", true).judgement();
    assertEquals(Verdict.REGRESSION, j.verdict());
    assertEquals(0.01, j.baseline() - j.current(), 1e-9);
  }

  @Test
  void oneExtraDivergedRunIsARegression() throws Exception {
    Path planted = current("diverged",
        s -> s.cell().seed() == 0 && !isAdam(s) ? HandMadeSets.diverged(s) : s);
    Comparison c = Comparison.of(baseline, planted);
    assertEquals(1, c.failures(), ComparisonReport.text(c));
    Judgement diverged = finding(c, "diverged", false).judgement();
    assertEquals(Verdict.REGRESSION, diverged.verdict());
    assertEquals("diverges now: seed [0]", diverged.detail());
    assertEquals(0, diverged.baseline());
    assertEquals(1, diverged.current());
    // Its NaN final loss is left out of the loss check, which the two other seeds pass.
    Judgement loss = finding(c, "final_loss", false).judgement();
    assertEquals(Verdict.OK, loss.verdict());
    assertEquals(2, loss.n());
  }

  @Test
  void seedsMovingBothWaysOnAReproduciblePathAreChanged() throws Exception {
    Path planted = current("mixed", s -> !isAdam(s) && s.cell().seed() < 2
        ? withFinal(s, s.finalLoss() * (s.cell().seed() == 0 ? 1.02 : 0.98), s.finalAccuracy())
        : s);
    Comparison c = Comparison.of(baseline, planted);
    Judgement j = finding(c, "final_loss", false).judgement();
    assertEquals(Verdict.CHANGED, j.verdict(), ComparisonReport.text(c));
    assertTrue(j.detail().contains("1 worse and 1 better of 3 seeds"), j.detail());
    assertEquals(1, c.failures());
    Output out = compare(baseline, planted, dir.resolve("report-mixed"));
    assertEquals(1, out.exit(), out.all());
    assertTrue(out.out().lines().anyMatch(l -> l.startsWith("changed")), out.all());
  }

  @Test
  void anImprovementOnAReproduciblePathFailsTooUntilTheBaselineIsUpdated() throws Exception {
    // Every seed of the SGD cells 2% better: per seed an improvement, but the path that
    // reproduced bit for bit no longer does, so the check fails (exit 1) until baseline update.
    Path planted = current("better", s -> !isAdam(s)
        ? withFinal(s, s.finalLoss() * 0.98, s.finalAccuracy()) : s);
    Comparison c = Comparison.of(baseline, planted);
    assertEquals(Verdict.IMPROVEMENT, finding(c, "final_loss", false).verdict(), ComparisonReport.text(c));
    assertTrue(c.failures() > 0);
    assertEquals(1, compare(baseline, planted, dir.resolve("report-better")).exit());
  }

  @Test
  void onAnotherMachineThePairedTIntervalDecides() throws Exception {
    // Final losses per seed 0, 1, 2. SGD: baseline 0.200, 0.300, 0.250; current 0.210, 0.312,
    // 0.259, each worse by about 0.01. Adam: current 0.201, 0.298, 0.252, noise around zero.
    Map<Long, Double> before = Map.of(0L, 0.200, 1L, 0.300, 2L, 0.250);
    Map<Long, Double> sgdAfter = Map.of(0L, 0.210, 1L, 0.312, 2L, 0.259);
    Map<Long, Double> adamAfter = Map.of(0L, 0.201, 1L, 0.298, 2L, 0.252);
    Path base = HandMadeSets.write(dir.resolve("t-base"), HERE,
        s -> withFinal(s, before.get(s.cell().seed()), s.finalAccuracy()));
    Path now = HandMadeSets.write(dir.resolve("t-now"), OTHER_CPU,
        s -> withFinal(s, (isAdam(s) ? adamAfter : sgdAfter).get(s.cell().seed()), s.finalAccuracy()));
    Comparison c = Comparison.of(base, now);
    assertFalse(c.deterministic());
    assertEquals("cpu 'Test CPU' vs 'Other CPU'", c.determinismReason());

    // scipy.stats.ttest_rel([0.210, 0.312, 0.259], [0.200, 0.300, 0.250])
    //     .confidence_interval(0.95) → (0.006538750299736563, 0.014127916366930103), mean 0.0103333.
    // The margin is max(1e-6, 0.01·0.25) = 0.0025: the interval lies above it.
    Judgement sgd = finding(c, "final_loss", false).judgement();
    assertEquals(Method.PAIRED_T, sgd.method());
    assertEquals(3, sgd.n());
    assertEquals(0.006538750299736563, sgd.interval().low(), 1e-9);
    assertEquals(0.014127916366930103, sgd.interval().high(), 1e-9);
    assertEquals(0.0025, sgd.margin(), 1e-15);
    assertEquals(Verdict.REGRESSION, sgd.verdict());

    // scipy.stats.ttest_rel([0.201, 0.298, 0.252], [0.200, 0.300, 0.250])
    //     .confidence_interval(0.95) → (-0.004837811679208933, 0.005504478345875601): not beyond.
    Judgement adam = finding(c, "final_loss", true).judgement();
    assertEquals(-0.004837811679208933, adam.interval().low(), 1e-9);
    assertEquals(0.005504478345875601, adam.interval().high(), 1e-9);
    assertEquals(Verdict.OK, adam.verdict());
    // Everything else is identical: intervals [0, 0].
    assertEquals(1, c.failures(), ComparisonReport.text(c));
  }

  @Test
  void withoutSharedSeedsWelchsIntervalDecides() throws Exception {
    // Baseline seeds 0, 1, 2 (final loss 0.200, 0.300, 0.250); current seeds 3, 4, 5 (0.28,
    // 0.31, 0.30). scipy.stats.ttest_ind([0.28, 0.31, 0.30], [0.200, 0.300, 0.250],
    // equal_var=False).confidence_interval(0.95) → (-0.06558356573536574, 0.1589168990686991).
    Map<Long, Double> values = Map.of(0L, 0.200, 1L, 0.300, 2L, 0.250, 3L, 0.28, 4L, 0.31, 5L, 0.30);
    UnaryOperator<RunSummary> set = s -> withFinal(s, values.get(s.cell().seed()), s.finalAccuracy());
    Path base = HandMadeSets.write(dir.resolve("w-base"), HERE, set);
    Path now = HandMadeSets.write(dir.resolve("w-now"), HERE,
        HandMadeSets.spec(List.of(3L, 4L, 5L), ""), set);
    Comparison c = Comparison.of(base, now);
    Judgement j = finding(c, "final_loss", false).judgement();
    assertEquals(Method.WELCH_T, j.method());
    assertEquals(-0.06558356573536574, j.interval().low(), 1e-9);
    assertEquals(0.1589168990686991, j.interval().high(), 1e-9);
    assertEquals(Verdict.OK, j.verdict());
    assertTrue(ComparisonReport.text(c).contains("Welch t, unpaired"));
  }

  @Test
  void stepsPerSecondIsOffByDefaultAndRelativeWhenOn() throws Exception {
    // Baseline: every run 100 steps/s. Current: Adam's runs 50, SGD's 100; the median of the six
    // runs is 75, so SGD's ratio goes from 1 to 4/3 and Adam's from 1 to 2/3.
    Path base = HandMadeSets.write(dir.resolve("s-base"), HERE,
        s -> HandMadeSets.withStepsPerSecond(s, 100));
    UnaryOperator<RunSummary> slower = s -> HandMadeSets.withStepsPerSecond(s, isAdam(s) ? 50 : 100);
    Comparison off = Comparison.of(base, HandMadeSets.write(dir.resolve("s-off"), HERE, slower));
    assertTrue(off.findings().stream().noneMatch(f -> f.metric().equals("steps_per_second")));
    assertEquals(0, off.failures());

    Path on = HandMadeSets.write(dir.resolve("s-on"), HERE,
        HandMadeSets.spec(List.of(0L, 1L, 2L), "regression:\n  steps_per_second: on\n"), slower);
    Comparison c = Comparison.of(base, on);
    Judgement adam = finding(c, "steps_per_second", true).judgement();
    assertEquals(Method.PAIRED_T, adam.method()); // never per seed: timings do not reproduce
    assertEquals(1.0, adam.baseline(), 1e-12);
    assertEquals(2.0 / 3, adam.current(), 1e-12);
    assertEquals(1.0 / 3, adam.interval().low(), 1e-12); // worse by 1/3 on every seed
    assertEquals(0.25, adam.margin(), 1e-12);
    assertEquals(Verdict.REGRESSION, adam.verdict());
    assertEquals(Verdict.IMPROVEMENT, finding(c, "steps_per_second", false).verdict());
  }

  @Test
  void aMissingCellOrSeedFails() throws Exception {
    Path twoSeeds = HandMadeSets.write(dir.resolve("two-seeds"), HERE,
        HandMadeSets.spec(List.of(0L, 1L), ""), s -> s);
    Comparison c = Comparison.of(baseline, twoSeeds);
    List<Finding> missing = with(c, Verdict.MISSING);
    assertEquals(2, missing.size(), ComparisonReport.text(c));
    assertEquals("no run for seed [2] of the baseline", missing.get(0).judgement().detail());
    assertEquals(2, c.failures());

    Path sgdOnly = HandMadeSets.write(dir.resolve("sgd-only"), HERE,
        HandMadeSets.spec(List.of(HandMadeSets.SGD), List.of(0L, 1L, 2L), ""), s -> s);
    Comparison lost = Comparison.of(baseline, sgdOnly);
    List<Finding> cell = with(lost, Verdict.MISSING);
    assertEquals(1, cell.size(), ComparisonReport.text(lost));
    assertTrue(cell.get(0).cell().contains("adam"));
    Output out = compare(baseline, sgdOnly, dir.resolve("report-sgd-only"));
    assertEquals(1, out.exit(), out.all());
    assertTrue(out.out().lines().anyMatch(l -> l.startsWith("missing")
        && l.endsWith(cell.get(0).cell())), out.all());
  }

  @Test
  void theReportPageExplainsTheRule() throws Exception {
    Path out = dir.resolve("report-page");
    compare(baseline, current("page", s -> s), out);
    String page = Files.readString(out.resolve("index.html"));
    assertTrue(page.contains("<h2>How it is decided</h2>"), page);
    assertTrue(page.contains("practical margin max(atol, rtol·|baseline mean|)"), page);
    assertTrue(page.contains("mode: per-seed exact"), page);
  }

  @Test
  void aRegressionSectionWithWidenIsBadInputAndWritesNothing() throws Exception {
    Path old = HandMadeSets.write(dir.resolve("widen"), HERE,
        HandMadeSets.spec(List.of(0L, 1L, 2L), "regression:\n  final_loss: {widen: 2.0}\n"),
        s -> s);
    Path report = dir.resolve("report-widen");
    Output out = compare(baseline, old, report);
    assertEquals(2, out.exit(), out.all());
    assertEquals(1, out.err().strip().lines().count(), out.all());
    assertTrue(out.err().contains("experiments/hand.yaml:4:16: regression.final_loss.widen is gone"),
        out.all());
    assertFalse(Files.exists(report));
  }

  /** What a command line printed and returned. */
  record Output(int exit, String out, String err) {
    String all() {
      return "exit " + exit + "\n" + out + err;
    }
  }

  static Output compare(Path base, Path current, Path report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int exit = Main.execute("compare", "--baseline", base.toString(), "--current",
          current.toString(), "--report", report.toString());
      return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }
}
