package org.optbench.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.optbench.engine.djl.DjlOffline;
import org.optbench.io.CellStore;
import org.optbench.runner.CellWorker;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.SpecParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code worker SPEC --out DIR}: the child process of {@code run --workers K}; not for direct use. */
@Command(name = "worker", hidden = true,
    description = "Train cells named on standard input (used by run --workers).")
final class WorkerCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "SPEC") Path spec;

  @Option(names = "--out", paramLabel = "DIR", required = true) Path out;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1") int threads;

  @Override
  public Integer call() throws Exception {
    ExperimentSpec parsed = SpecParser.parse(spec);
    DjlOffline.threads(threads);
    CellWorker.serve(
        parsed,
        CellStore.open(out, parsed.name()),
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
        System.out);
    return ExitCodes.OK;
  }
}
