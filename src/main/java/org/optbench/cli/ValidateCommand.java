package org.optbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.optbench.runner.GridEstimate;
import org.optbench.spec.Component;
import org.optbench.spec.ExperimentSpec;
import org.optbench.workload.TensorShape;
import org.optbench.workload.Workload;
import org.optbench.workload.Workloads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code validate SPEC...}: checks specs and prints their grid sizes, model sizes and what a run
 * will cost (memory per run, training time); runs nothing.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check experiment specs without running anything; print grid and model sizes,"
        + " memory per run and estimated training time.")
final class ValidateCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "SPEC", description = "experiment YAML files")
  List<Path> specs;

  @Override
  public Integer call() throws Exception {
    int bad = 0;
    for (SpecFiles.Checked checked : SpecFiles.checkEach(specs)) {
      if (checked.problem() != null) {
        // Every spec is checked: one line per bad spec, the others still reported.
        System.err.println("error: " + checked.problem().getMessage());
        bad++;
        continue;
      }
      report(checked.spec());
    }
    if (bad > 0 && specs.size() > 1) {
      System.err.printf("%d of %d specs have a problem%n", bad, specs.size());
    }
    return bad > 0 ? ExitCodes.BAD_INPUT : ExitCodes.OK;
  }

  private static void report(ExperimentSpec spec) {
    System.out.printf(
        "%s: ok — experiment '%s', %d runs (%d workloads × %d %soptimizers × %d clips × %d"
            + " schedules × %d seeds × %d engines%s), %d steps each%n",
        spec.source(), spec.name(), spec.plannedRuns(), spec.workloads().size(),
        spec.optimizers().size() + spec.tuning().optimizers().size(),
        spec.tuning().active() ? "(" + spec.tuning().optimizers().size() + " tuned) " : "",
        spec.clips().size(), spec.schedules().size(), spec.seeds().size(),
        spec.engines().size(), spec.tuning().active() ? "; a tuned optimizer adds its trials" : "",
        spec.steps());
    if (spec.tuning().active()) {
      var t = spec.tuning().settings();
      System.out.printf("  tuning: %d optimizer(s) × %d %s trial(s) × %d stud(ies) per workload,"
              + " the selected setting of each study rerun on %d seed(s); runs above include them%n",
          spec.tuning().optimizers().size(), t.trials(), t.sampler().name().toLowerCase(
              java.util.Locale.ROOT), t.studies(), spec.seeds().size());
    }
    Map<Component, Workload> workloads = new LinkedHashMap<>();
    spec.workloads().forEach(w -> workloads.put(w, Workloads.create(w)));
    GridEstimate estimate = GridEstimate.of(spec, workloads);
    long largest = 0;
    for (GridEstimate.RunMemory run : estimate.runs()) {
      // Matrices vs vectors matter for memory (Adafactor factors only matrices), so say which.
      List<TensorShape> shapes = workloads.get(run.workload()).parameterShapes();
      long count = shapes.stream().mapToLong(TensorShape::size).sum();
      System.out.printf("  %s: %,d parameters in %d tensors: %s%n", run.workload().label(),
          count, shapes.size(),
          String.join(", ", shapes.stream().map(TensorShape::toString).toList()));
      System.out.printf(
          "    memory per run ≈ %s: parameters %s, gradients %s, optimizer state up to %s (%s),"
              + " data %s, largest batch activation %s%n",
          bytes(run.total()), bytes(run.parameters()), bytes(run.gradients()),
          bytes(run.state()), run.stateOptimizer(), bytes(run.data()),
          bytes(run.activations()));
      largest = Math.max(largest, run.total());
    }
    System.out.printf(
        "  estimate: training %s on one core (cost model within 2× of measured times on the"
            + " development machine); largest run ≈ %s of memory%n",
        duration(estimate.trainingSeconds()), bytes(largest));
  }

  /** Bytes in decimal units: 512 B, 1.5 kB, 23.4 MB, 1.2 GB. */
  static String bytes(long bytes) {
    String[] units = {"B", "kB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /** Seconds as a person reads them: ≈ 8 s, ≈ 3.5 min, ≈ 2.1 h, ≈ 4.0 days, under 1 s. */
  static String duration(double seconds) {
    if (seconds < 1) {
      return "under 1 s";
    }
    if (seconds < 60) {
      return String.format(Locale.ROOT, "≈ %.0f s", seconds);
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "≈ %.1f min", seconds / 60);
    }
    if (seconds < 86400) {
      return String.format(Locale.ROOT, "≈ %.1f h", seconds / 3600);
    }
    return String.format(Locale.ROOT, "≈ %.1f days", seconds / 86400);
  }
}
