package org.optbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.optbench.spec.Component;
import org.optbench.spec.ExperimentSpec;
import org.optbench.workload.TensorShape;
import org.optbench.workload.Workloads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code validate SPEC...}: checks specs and prints their grid sizes; runs nothing. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check experiment specs without running anything.")
final class ValidateCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "SPEC", description = "experiment YAML files")
  List<Path> specs;

  @Override
  public Integer call() throws Exception {
    for (ExperimentSpec spec : SpecFiles.parseAll(specs)) {
      System.out.printf(
          "%s: ok — experiment '%s', %d runs (%d workloads × %d optimizers × %d clips × %d schedules"
              + " × %d seeds × %d engines), %d steps each%n",
          spec.source(), spec.name(), spec.cells().size(), spec.workloads().size(),
          spec.optimizers().size(), spec.clips().size(), spec.schedules().size(),
          spec.seeds().size(), spec.engines().size(), spec.steps());
      for (Component point : spec.workloads()) {
        // Matrices vs vectors matter for memory (Adafactor factors only matrices), so say which.
        List<TensorShape> shapes = Workloads.create(point).model().parameterShapes();
        long count = shapes.stream().mapToLong(TensorShape::size).sum();
        System.out.printf("  %s: %,d parameters in %d tensors: %s%n", point.label(), count,
            shapes.size(), String.join(", ", shapes.stream().map(TensorShape::toString).toList()));
      }
    }
    return ExitCodes.OK;
  }
}
