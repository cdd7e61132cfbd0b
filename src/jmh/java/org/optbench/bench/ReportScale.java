package org.optbench.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.optbench.io.ResultFiles;
import org.optbench.io.ResultSetWriter;
import org.optbench.metrics.RunEnvironment;
import org.optbench.metrics.RunResult;
import org.optbench.metrics.RunSummary;
import org.optbench.metrics.StepRecord;
import org.optbench.report.ReportBuilder;
import org.optbench.report.ReportFolder;
import org.optbench.spec.Cell;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.SpecParser;

/**
 * The report at scale: writes a synthetic result set of a 500-run grid (4 optimizers × 5 learning
 * rates × 5 clip settings × 5 seeds) with 10,000 steps per run through the real result writer,
 * then times {@link ReportBuilder#build}. The curves are made up (noisy power-law decay, spikes,
 * some divergence), the files and their sizes are real.
 *
 * <pre>
 * scripts/bench.sh report [STEPS] [REPEATS]     # writes target/report-scale/{results,reports}
 * </pre>
 */
public final class ReportScale {

  static final String SPEC =
      """
      name: scale
      description: synthetic 500-run grid for timing the report builder
      workloads:
        - {model: mlp, hidden: [64], dataset: synthetic_blobs, classes: 3, batch_size: 64}
      steps: %d
      eval_every: 100
      seeds: [0, 1, 2, 3, 4]
      grid:
        optimizer:
          - {name: sgd, lr: [1.0, 0.3, 0.1, 0.03, 0.01], momentum: 0.9}
          - {name: adam, lr: [0.1, 0.03, 0.01, 0.003, 0.001]}
          - {name: adamw, lr: [0.1, 0.03, 0.01, 0.003, 0.001]}
          - {name: lion, lr: [0.01, 0.003, 0.001, 0.0003, 0.0001]}
        clip:
          - none
          - {name: global_norm, max_norm: [0.5, 1.0]}
          - {name: autoclip, percentile: 10}
          - {name: value, max_value: 0.5}
      """;

  public static void main(String[] args) throws Exception {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path root = Path.of("target/report-scale");
    ExperimentSpec spec =
        SpecParser.parse(Path.of("experiments/scale.yaml"), String.format(SPEC, steps));
    long t0 = System.nanoTime();
    Path results = write(spec, root.resolve("results"));
    Path stepsFile = ResultFiles.steps(results);
    long rows = (long) spec.cells().size() * steps;
    System.out.printf(
        "wrote %d runs x %d steps in %.1f s: %s %.1f MB (%.1f bytes per step row)%n",
        spec.cells().size(),
        steps,
        (System.nanoTime() - t0) / 1e9,
        stepsFile.getFileName(),
        Files.size(stepsFile) / 1e6,
        Files.size(stepsFile) / (double) rows);
    for (int i = 0; i < repeats; i++) {
      long start = System.nanoTime();
      Path index = ReportBuilder.build(results, ReportFolder.inRoot(root.resolve("reports"), "scale"));
      System.out.printf(
          "build %d: %.2f s, index.html %.1f MB%n",
          i + 1, (System.nanoTime() - start) / 1e9, Files.size(index) / 1e6);
    }
  }

  static Path write(ExperimentSpec spec, Path resultsRoot) throws Exception {
    ResultSetWriter writer = ResultSetWriter.open(resultsRoot, spec.name());
    int diverged = 0;
    for (Cell cell : spec.cells()) {
      RunResult run = run(cell);
      diverged += run.summary().diverged() ? 1 : 0;
      writer.add(run);
    }
    RunEnvironment env =
        new RunEnvironment("bench", "-", "17", "0.35.1", "2.7.1", 1, "Linux", "synthetic", 2);
    Instant started = Instant.parse("2026-11-21T00:00:00Z");
    return writer.commit(spec, env, started, started.plusSeconds(3600)).published();
  }

  /** A noisy decaying loss; large learning rates spike, the largest diverge. */
  static RunResult run(Cell cell) {
    SplittableRandom random = new SplittableRandom(cell.runId().hashCode());
    double lr = cell.optimizer().optionalNumber("lr");
    double maxNorm = cell.clip().has("max_norm") ? cell.clip().number("max_norm") : 1.0;
    boolean clipping = !cell.clip().name().equals("none");
    int divergeAt = lr >= 0.3 && !clipping ? 200 + random.nextInt(3000) : Integer.MAX_VALUE;
    List<StepRecord> records = new ArrayList<>(cell.steps());
    double best = Double.POSITIVE_INFINITY;
    double loss = Double.NaN;
    double evalLoss = Double.NaN;
    double accuracy = Double.NaN;
    int clipped = 0;
    for (int step = 1; step <= cell.steps(); step++) {
      loss = 1.1 / Math.pow(step * Math.min(lr, 0.05) * 10, 0.4) * (1 + 0.2 * random.nextGaussian());
      if (random.nextDouble() < lr * 0.01) {
        loss *= 5; // a spike
      }
      if (step >= divergeAt) {
        loss = Double.POSITIVE_INFINITY;
      }
      double norm = 3 * Math.abs(loss) * (1 + 0.3 * random.nextDouble());
      boolean clip = clipping && norm > maxNorm;
      clipped += clip ? 1 : 0;
      StepRecord r =
          new StepRecord(
              step, loss, norm, clip ? maxNorm : norm, clip, clipping ? maxNorm : Double.NaN, lr,
              lr, step * 3.1, Double.NaN, Double.NaN);
      if (step % cell.evalEvery() == 0 && Double.isFinite(loss)) {
        evalLoss = loss * 1.05;
        accuracy = Math.max(0, 1 - evalLoss / 2);
        r = r.withEval(evalLoss, accuracy);
      }
      records.add(r);
      if (Double.isFinite(loss)) {
        best = Math.min(best, loss);
      } else {
        break;
      }
    }
    int done = records.size();
    boolean div = done < cell.steps() || !Double.isFinite(loss);
    double finalLoss = div ? records.get(Math.max(0, done - 2)).loss() : loss;
    long params = 4547;
    long state = cell.optimizer().name().startsWith("adam") ? 8 * params : 4 * params;
    RunSummary summary =
        new RunSummary(cell, done, finalLoss, best, evalLoss, accuracy, div, div ? done : -1,
            320, done / 320.0, params, 4 * params, state, clipped / (double) done,
            finalLoss, 0, 0);
    return new RunResult(summary, records);
  }
}
