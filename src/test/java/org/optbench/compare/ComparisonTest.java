package org.optbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.cli.Main;
import org.optbench.engine.djl.DjlEngine;
import org.optbench.io.ResultSetWriter;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.RunResult;
import org.optbench.metrics.RunSummary;
import org.optbench.runner.RunEnvironments;
import org.optbench.spec.Cell;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.SpecParser;
import org.optbench.workload.Workloads;

/**
 * compare against a baseline made by real training: an unchanged rerun on the same machine (one
 * libtorch thread) reproduces every seed bit for bit and passes; a planted regression (the
 * optimizer stepping with a tenth of its learning rate, recorded under the unchanged cell, as a
 * broken optimizer would be) fails with exit 1.
 */
class ComparisonTest {

  @TempDir static Path dir;

  static final String SPEC =
      """
      name: cmp
      workloads:
        - {model: linear_regression, features: 10, batch_size: 16}
      steps: 150
      eval_every: 50
      seeds: [0, 1, 2]
      grid:
        optimizer:
          - {name: sgd, lr: 0.05, momentum: 0.9}
          - {name: adam, lr: 0.02}
      regression:
        steps_per_second: off
      """;

  static Path spec;

  @BeforeAll
  static void baseline() throws Exception {
    spec = dir.resolve("cmp.yaml");
    Files.writeString(spec, SPEC);
    assertEquals(0, run(dir.resolve("base")));
    assertEquals(0, Main.execute("baseline", "update", dir.resolve("base/cmp").toString(),
        "--baselines", dir.resolve("baselines").toString()));
  }

  static int run(Path root, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("run", spec.toString(), "--out", root.toString(),
        "--reports", dir.resolve("reports").toString(), "--no-progress"));
    args.addAll(List.of(more));
    return Main.execute(args.toArray(String[]::new));
  }

  @Test
  void theBaselineHoldsSummariesButNoSteps() {
    Path b = dir.resolve("baselines/cmp");
    for (String name : List.of("manifest.json", "runs.csv", "targets.csv", "cells.csv")) {
      assertTrue(Files.isRegularFile(b.resolve(name)), name);
    }
    assertFalse(Files.exists(b.resolve("steps.csv")));
    assertFalse(Files.exists(b.resolve("steps.parquet")));
  }

  @Test
  void anUnchangedRerunIsNoRegression() throws Exception {
    assertEquals(0, run(dir.resolve("rerun"), "--force"));
    Comparison c = Comparison.of(dir.resolve("baselines/cmp"), dir.resolve("rerun/cmp"));
    assertTrue(c.deterministic(), c.determinismReason());
    assertEquals(0, c.failures(), ComparisonReport.text(c));
    assertEquals(c.findings().size(), c.count(Judgement.Verdict.OK), ComparisonReport.text(c));
    assertEquals(0, Main.execute("compare", "--baseline", dir.resolve("baselines/cmp").toString(),
        "--current", dir.resolve("rerun/cmp").toString(), "--report", dir.resolve("cmp-ok").toString()));
    assertTrue(Files.isRegularFile(dir.resolve("cmp-ok/index.html")));
    // The baseline compared with itself: the stored steps-to-target are used.
    Comparison itself = Comparison.of(dir.resolve("baselines/cmp"), dir.resolve("baselines/cmp"));
    assertEquals(0, itself.failures());
    assertTrue(itself.findings().stream().anyMatch(f -> f.metric().equals("steps_to_target")));
  }

  @Test
  void aPerturbedLearningRateIsARegression() throws Exception {
    ExperimentSpec original = SpecParser.parse(spec);
    ExperimentSpec perturbed =
        SpecParser.parse(spec, SPEC.replace("lr: 0.05", "lr: 0.005").replace("lr: 0.02", "lr: 0.002"));
    var env = RunEnvironments.current(1);
    ResultSetWriter writer = ResultSetWriter.open(dir.resolve("planted"), "cmp");
    Instant started = Instant.now();
    for (int i = 0; i < original.cells().size(); i++) {
      Cell cell = perturbed.cells().get(i);
      RunResult trained = new DjlEngine().train(cell, Workloads.create(cell.workload()), RunListener.NONE);
      RunSummary s = trained.summary();
      RunSummary relabelled = new RunSummary(original.cells().get(i), s.stepsDone(), s.finalLoss(),
          s.bestLoss(), s.finalEvalLoss(), s.finalAccuracy(), s.diverged(), s.divergedStep(),
          s.stepsPerSecond(), s.wallSeconds(), s.paramCount(), s.paramBytes(),
          s.optimizerStateBytes(), s.clippedFraction(), s.finalLossAvg(), s.evalSeconds(),
          s.warmupSeconds());
      writer.add(new RunResult(relabelled, trained.steps(), trained.artifacts()));
    }
    writer.commit(original, env, started, Instant.now());

    Comparison c = Comparison.of(dir.resolve("baselines/cmp"), dir.resolve("planted/cmp"));
    String table = ComparisonReport.text(c);
    // Adam with a tenth of its step: every seed's final loss worse, judged exactly per seed.
    // (SGD with momentum 0.9 at lr 0.05 overshoots here, so its tenth does better: improvements.)
    assertTrue(c.findings().stream().anyMatch(f -> f.metric().equals("final_loss")
        && f.cell().contains("adam") && f.verdict() == Judgement.Verdict.REGRESSION
        && f.judgement().method() == Judgement.Method.PER_SEED
        && f.judgement().detail().startsWith("3 of 3 seeds worse")), table);
    assertEquals(1, Main.execute("compare", "--baseline", dir.resolve("baselines/cmp").toString(),
        "--current", dir.resolve("planted/cmp").toString(), "--report", dir.resolve("cmp-bad").toString()));
  }
}
