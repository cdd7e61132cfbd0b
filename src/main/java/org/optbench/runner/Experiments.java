package org.optbench.runner;

import java.io.IOException;
import java.nio.file.Path;
import org.optbench.engine.djl.DjlOffline;
import org.optbench.engine.djl.LibtorchPlatform;
import org.optbench.io.OutputLocations;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.SpecException;

/**
 * Runs a spec from Java as {@code optbench run} does, with the same checks first:
 *
 * <pre>{@code
 * ExperimentOutcome outcome = Experiments.run(Path.of("experiments/quickstart.yaml"),
 *     RunOptions.in(Path.of("build/optbench-results")));
 * System.out.println(outcome.results() + ": " + outcome.runs().size() + " runs");
 * }</pre>
 *
 * <p>It sets what optbench needs itself: DJL offline with telemetry off ({@link DjlOffline}),
 * libtorch's thread counts from the options, and a libtorch for this machine on the class path
 * ({@link LibtorchPlatform}). The thread settings take effect only if the PyTorch engine has not
 * loaded yet in this JVM; run this before other DJL code to keep runs bit-reproducible with one
 * thread. Results, resumption and the moving aside of an earlier result set follow {@code
 * optbench run} (README, "Incremental runs, shards and workers").
 */
public final class Experiments {

  private Experiments() {}

  /**
   * Trains every cell of the spec in {@code specFile} not already complete, writes its result set
   * and its report.
   *
   * @throws SpecException the spec is broken (file, line and fix in the message)
   * @throws IllegalArgumentException an output folder cannot be written, or another run holds it
   * @throws org.optbench.engine.djl.LibtorchUnavailableException no libtorch for this machine
   * @throws IOException reading or writing results failed
   */
  public static ExperimentOutcome run(Path specFile, RunOptions options)
      throws SpecException, IOException {
    DjlOffline.enforce();
    DjlOffline.threads(options.threads());
    ExperimentSpec spec = SpecChecks.parse(specFile);
    LibtorchPlatform.require();
    for (Path folder : new Path[] {options.resultsRoot(), options.reportsRoot()}) {
      OutputLocations.folderProblem(folder).ifPresent(problem -> {
        throw new IllegalArgumentException(folder + ": " + problem);
      });
    }
    ExperimentRunner.outputProblem(options, spec.name()).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
    return new ExperimentRunner(options).run(spec);
  }
}
