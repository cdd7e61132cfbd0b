package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.io.ResultSet;
import tech.tablesaw.api.Table;

/**
 * A tuned benchmark end to end on two small workloads: the trials and reruns it trains, the study's
 * selection, a second run that trains nothing, and shards whose merge scores exactly as the single
 * run does.
 */
class TunedBenchmarkRunTest {

  static final String SPEC =
      """
      name: tuned_small
      workloads:
        - {model: quadratic, dim: 4, condition: 10.0, target: {metric: eval_loss, value: 0.05}}
        - {model: linear_regression, features: 4, batch_size: 8, train_size: 64, eval_size: 16}
      steps: 20
      eval_every: 5
      seeds: [0, 1]
      tuning:
        trials: 3
        baseline: adam
        target: {metric: eval_loss, from: adam}
      grid:
        optimizer:
          - {name: sgd, momentum: 0.9, tune: {lr: {log: [1.0e-3, 0.3]}}}
          - {name: adam, tune: {lr: {log: [1.0e-3, 0.3]}}}
      """;

  @TempDir Path dir;

  @Test
  void trainsTrialsThenRerunsTheBestReusesThemAndShardsScoreAlike() throws Exception {
    Path spec = Files.writeString(dir.resolve("tuned_small.yaml"), SPEC);
    Cli.Result first = run(spec, "single");
    assertEquals(0, first.exit(), first.all());
    // 2 workloads × 2 optimizers × (3 trials + 2 reruns) = 20 runs.
    assertTrue(first.out().contains("20 runs of 20 steps (12 tuning trials"), first.all());
    Table runs = ResultSet.read(dir.resolve("single/tuned_small")).runs();
    assertEquals(20, runs.rowCount());
    assertEquals(12, runs.where(runs.stringColumn("role").isEqualTo("trial")).rowCount());
    assertEquals(8, runs.where(runs.stringColumn("role").isEqualTo("final")).rowCount());

    // Each study's reruns repeat the trial with the lowest final_eval_loss, on seeds 0 and 1.
    Map<String, List<Integer>> trials = new TreeMap<>();
    Map<String, List<Integer>> finals = new TreeMap<>();
    for (int i = 0; i < runs.rowCount(); i++) {
      String unit = runs.stringColumn("workload").get(i) + "|" + runs.stringColumn("solver").get(i);
      (runs.stringColumn("role").get(i).equals("trial") ? trials : finals)
          .computeIfAbsent(unit, u -> new ArrayList<>()).add(i);
    }
    assertEquals(4, trials.size());
    for (Map.Entry<String, List<Integer>> unit : trials.entrySet()) {
      int best = unit.getValue().stream()
          .filter(i -> !runs.booleanColumn("diverged").get(i))
          .min(Comparator.comparingDouble(i -> runs.doubleColumn("final_eval_loss").getDouble(i)))
          .orElseThrow();
      List<Integer> reruns = finals.get(unit.getKey());
      assertEquals(2, reruns.size(), unit.getKey());
      for (int rerun : reruns) {
        assertEquals(runs.stringColumn("optimizer_config").get(best),
            runs.stringColumn("optimizer_config").get(rerun));
        assertEquals(runs.intColumn("trial").get(best), runs.intColumn("trial").get(rerun));
      }
      assertEquals(List.of(0L, 1L),
          reruns.stream().map(i -> runs.longColumn("seed").get(i)).sorted().toList());
      // Trials of study 0 train on the protocol's seed, 1000, apart from the reruns' seeds.
      unit.getValue().forEach(i -> assertEquals(1000L, runs.longColumn("seed").get(i)));
    }

    // The report has the benchmark's sections, each table exported three ways, every chart drawn.
    Path report = dir.resolve("reports/tuned_small");
    String page = Files.readString(report.resolve("index.html"));
    assertTrue(page.contains("<section id=\"benchmark\"") && page.contains("<section id=\"tuning\""),
        "benchmark and tuning sections");
    for (String table : List.of("benchmark_targets", "benchmark_scores", "benchmark_times",
        "benchmark_time_matrix", "benchmark_profile", "benchmark_budget", "tuning_trials")) {
      for (String ext : List.of(".csv", ".tex", ".md")) {
        assertTrue(Files.size(report.resolve("tables/" + table + ext)) > 0, table + ext);
      }
    }
    BrowserCheck.assertChartsDrawn(report.resolve("index.html"), dir);

    Cli.Result again = run(spec, "single");
    assertEquals(0, again.exit(), again.all());
    assertTrue(again.out().contains("12 of 12 runs already complete"), again.all());
    assertTrue(again.out().contains("8 of 8 runs already complete"), again.all());

    Cli.Result score = Cli.execute("score", dir.resolve("single/tuned_small").toString());
    assertEquals(0, score.exit(), score.all());
    // The derived target and an external-tuning time, recomputed here from the files.
    Table steps = ResultSet.read(dir.resolve("single/tuned_small")).steps();
    List<Double> best = new ArrayList<>();
    for (int i = 0; i < runs.rowCount(); i++) {
      if (runs.stringColumn("role").get(i).equals("final")
          && runs.stringColumn("solver").get(i).equals("adam")
          && runs.stringColumn("workload").get(i).equals("linear_regression")) {
        best.add(bestEval(steps, runs.stringColumn("run_id").get(i), 15));
      }
    }
    best.sort(Comparator.naturalOrder());
    double target = (best.get(0) + best.get(1)) / 2; // the median of two reruns
    assertTrue(score.out().contains("| eval\\_loss | " + String.format(java.util.Locale.ROOT,
        "%.4g", target) + " | median over adam's 2 final run(s)"), score.all() + target);
    double fastest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < runs.rowCount(); i++) {
      if (runs.stringColumn("role").get(i).equals("trial")
          && runs.stringColumn("solver").get(i).equals("sgd(momentum=0.9)")
          && runs.stringColumn("workload").get(i).equals("quadratic")) {
        fastest = Math.min(fastest, firstStepAtOrBelow(steps, runs.stringColumn("run_id").get(i),
            0.05));
      }
    }
    String expected = Double.isInfinite(fastest) ? "∞"
        : String.format(java.util.Locale.ROOT, "%.4g", fastest);
    assertTrue(score.out().contains("| quadratic(dim=4,condition=10.0) | sgd(momentum=0.9) | "
        + expected + " |"), score.all() + expected);
    assertTrue(score.out().contains("| quadratic(dim=4,condition=10.0) | eval\\_loss | 0.05000 |"
        + " given in the spec |"), score.all());

    for (String shard : new String[] {"0/2", "1/2"}) {
      Cli.Result part = Cli.execute("run", spec.toString(), "--shard", shard, "--out",
          dir.resolve("shard" + shard.charAt(0)).toString(), "--reports",
          dir.resolve("reports").toString(), "--no-progress");
      assertEquals(0, part.exit(), part.all());
    }
    Cli.Result merged = Cli.execute("merge", dir.resolve("shard0/tuned_small").toString(),
        dir.resolve("shard1/tuned_small").toString(), "--out", dir.resolve("merged").toString());
    assertEquals(0, merged.exit(), merged.all());
    Cli.Result mergedScore = Cli.execute("score", dir.resolve("merged/tuned_small").toString());
    assertEquals(0, mergedScore.exit(), mergedScore.all());
    // Scores count steps, which shards reproduce exactly; only the wall-clock column may differ.
    assertEquals(withoutSeconds(score.out()), withoutSeconds(mergedScore.out()));
    assertFalse(score.out().isBlank());

    // Derived targets from another result set of the same workloads (here the merged copy, whose
    // reruns are the same): the same target, said to come from there.
    Cli.Result fromBaseline = Cli.execute("score", dir.resolve("single/tuned_small").toString(),
        "--targets-from", dir.resolve("merged/tuned_small").toString());
    assertEquals(0, fromBaseline.exit(), fromBaseline.all());
    String targetRow = score.out().lines().filter(l -> l.startsWith("| linear")).findFirst()
        .orElseThrow();
    assertTrue(fromBaseline.out().contains(targetRow.substring(0, targetRow.indexOf("| median"))),
        fromBaseline.all());
    assertTrue(fromBaseline.out().contains("final run(s) in "
        + dir.resolve("merged/tuned_small").toString().replace("_", "\\_")), fromBaseline.all());

    // A larger budget keeps the earlier points (the Halton sequence is nested and trials are
    // named by their point): only the new trials train.
    Cli.Result grown = run(Files.writeString(spec, SPEC.replace("trials: 3", "trials: 4")),
        "single");
    assertEquals(0, grown.exit(), grown.all());
    assertTrue(grown.out().contains("12 of 16 runs already complete"), grown.all());
  }

  @Test
  void scoringAnUntunedResultSetIsExitTwo() throws Exception {
    Path spec = Files.writeString(dir.resolve("plain.yaml"), """
        name: plain
        workloads: [{model: linear_regression, features: 4, batch_size: 8, train_size: 64, eval_size: 16}]
        steps: 4
        grid: {optimizer: [{name: sgd, lr: 0.1}]}
        """);
    assertEquals(0, run(spec, "plain").exit());
    Cli.Result score = Cli.execute("score", dir.resolve("plain/plain").toString());
    assertEquals(2, score.exit(), score.all());
    assertTrue(score.err().contains("tunes no optimizer"), score.all());
    assertFalse(score.hasStackTrace(), score.all());
    Cli.Result missing = Cli.execute("score", dir.resolve("nowhere").toString());
    assertEquals(2, missing.exit(), missing.all());
  }

  /** The lowest eval_loss of a run at the evaluations up to step {@code last}. */
  private static double bestEval(Table steps, String runId, int last) {
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < steps.rowCount(); i++) {
      double v = steps.doubleColumn("eval_loss").getDouble(i);
      if (steps.stringColumn("run_id").get(i).equals(runId) && !Double.isNaN(v)
          && steps.intColumn("step").get(i) <= last) {
        best = Math.min(best, v);
      }
    }
    return best;
  }

  /** The first evaluation step at which a run's eval_loss is at most {@code target}; ∞ if none. */
  private static double firstStepAtOrBelow(Table steps, String runId, double target) {
    for (int i = 0; i < steps.rowCount(); i++) {
      double v = steps.doubleColumn("eval_loss").getDouble(i);
      if (steps.stringColumn("run_id").get(i).equals(runId) && !Double.isNaN(v) && v <= target) {
        return steps.intColumn("step").get(i);
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  /** The output with the last column of the time-to-target table (median seconds) cut off. */
  private static String withoutSeconds(String out) {
    StringBuilder kept = new StringBuilder();
    for (String line : out.split("\n", -1)) {
      boolean timeRow = line.chars().filter(c -> c == '|').count() == 9;
      kept.append(timeRow ? line.substring(0, line.lastIndexOf('|', line.length() - 2)) : line)
          .append('\n');
    }
    return kept.toString();
  }

  private Cli.Result run(Path spec, String out) {
    return Cli.execute("run", spec.toString(), "--out", dir.resolve(out).toString(),
        "--reports", dir.resolve("reports").toString(), "--no-progress");
  }
}
