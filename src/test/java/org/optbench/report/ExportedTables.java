package org.optbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.optbench.io.SampleResults.component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.optbench.cli.Main;
import org.optbench.io.ClaimsTable;
import org.optbench.io.SampleResults;
import org.optbench.spec.Axis;
import org.optbench.spec.ExperimentSpec;

/**
 * Real reports whose exported tables the pdflatex and pandas checks read: their {@code tables/}
 * folders. Three result sets, so that every kind of table is among them:
 *
 * <ul>
 *   <li>a hand-made grid (two workloads, a diverged seed, a loss spike) with a claims.csv whose
 *       texts hold the Unicode and LaTeX special characters the report's texts use: overview,
 *       claims, convergence, stability, memory and precision tables;
 *   <li>the committed {@code results/reproductions/repro_tiny_gpt}, a real run: its claims, the
 *       factored-state memory table, divergences, the tuning trials and benchmark targets;
 *   <li>a tuned benchmark of two optimizers on a quadratic (6 runs of 10 steps), trained here: the
 *       scores, time matrix, times and performance profile.
 * </ul>
 */
final class ExportedTables {

  /** Claim texts with what broke pdflatex before: subscripts, Greek, math signs, dashes. */
  static final String UNICODE_CLAIM = "β₁ = 0.9 keeps ρ ≤ 0.5 ± 0.1 × σ²; η → 0 — steps 10–20 · τ…";

  /** LaTeX's special characters and a Markdown table's pipe. */
  static final String SPECIAL_CLAIM = "50% of #runs & $cost_{x} ~ ^2 \\ {a|b}";

  private ExportedTables() {}

  /** Builds the three reports under {@code dir}; returns their {@code tables} folders. */
  static List<Path> build(Path dir) throws IOException {
    List<Path> tables = new ArrayList<>();
    long started = System.nanoTime();
    tables.add(handMade(dir.resolve("hand-made")));
    long handMade = System.nanoTime();
    Path committed = Path.of("results/reproductions/repro_tiny_gpt");
    tables.add(ReportBuilder.build(committed, ReportFolder.standalone(dir.resolve("tiny-gpt")))
        .getParent().resolve(ReportFolder.TABLES));
    long tinyGpt = System.nanoTime();
    tables.add(tunedBenchmark(dir.resolve("tuned")));
    System.out.printf("exported tables: hand-made %.1f s, repro_tiny_gpt %.1f s, tuned %.1f s%n",
        (handMade - started) / 1e9, (tinyGpt - handMade) / 1e9, (System.nanoTime() - tinyGpt) / 1e9);
    return tables;
  }

  /** The files of {@code tables} with extension {@code ext}, sorted. */
  static List<Path> files(Path tables, String ext) throws IOException {
    try (Stream<Path> files = Files.list(tables)) {
      return files.filter(f -> f.getFileName().toString().endsWith("." + ext)).sorted().toList();
    }
  }

  private static Path handMade(Path dir) throws IOException {
    ExperimentSpec spec =
        SampleResults.spec(
            "tables",
            "tables for a paper",
            List.of(component(Axis.WORKLOAD, "linear_regression"), component(Axis.WORKLOAD, "mlp")),
            List.of(
                component(Axis.OPTIMIZER, "sgd", "lr", 0.1),
                component(Axis.OPTIMIZER, "adam", "lr", 0.01)),
            List.of(
                component(Axis.CLIP, "none"), component(Axis.CLIP, "global_norm", "max_norm", 0.5)),
            List.of(0L, 1L, 2L),
            40,
            10);
    // A diverged seed and a loss spike, so that their markers are drawn too.
    Path results = SampleReports.withEvents(dir.resolve("results"), spec, 20);
    ClaimsTable.write(
        ClaimsTable.of(
            List.of(UNICODE_CLAIM, SPECIAL_CLAIM),
            List.of("Kingma & Ba (2015), §2", "a_b|c"),
            List.of("final_loss(adam) < final_loss(sgd)", "≥ 1 run"),
            List.of("reproduced", "not reproduced"),
            List.of("0.123 [0.101, 0.145] vs −0.5", "n=3; p ≈ 0.05")),
        results);
    return ReportBuilder.build(results, ReportFolder.standalone(dir.resolve("report")))
        .getParent().resolve(ReportFolder.TABLES);
  }

  private static Path tunedBenchmark(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path spec = Files.writeString(dir.resolve("tables_tuned.yaml"), """
        name: tables_tuned
        workloads:
          - {model: quadratic, dim: 4, condition: 10.0, target: {metric: eval_loss, value: 0.05}}
        steps: 10
        eval_every: 5
        seeds: [0]
        tuning:
          trials: 2
          baseline: adam
        grid:
          optimizer:
            - {name: sgd, momentum: 0.9, tune: {lr: {log: [1.0e-3, 0.3]}}}
            - {name: adam, tune: {lr: {log: [1.0e-3, 0.3]}}}
        """);
    int exit = Main.execute("run", spec.toString(), "--out", dir.resolve("results").toString(),
        "--reports", dir.resolve("reports").toString());
    assertEquals(0, exit, "tuned benchmark run");
    return dir.resolve("reports/tables_tuned").resolve(ReportFolder.TABLES);
  }
}
