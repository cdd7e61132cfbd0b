package org.optbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.optbench.engine.djl.LibtorchPlatform;
import org.optbench.optim.Tensor;
import org.optbench.optim.replay.CaseReader;
import org.optbench.optim.replay.ReplayCase;
import org.optbench.optim.replay.ReplayEngine;
import org.optbench.optim.replay.ReplayEngines;
import org.optbench.optim.replay.ReplayException;
import org.optbench.optim.replay.ReplayResult;
import org.optbench.optim.replay.StepwiseCheck;
import org.optbench.optim.replay.TrajectoryCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code optbench replay CASE.json... [--engine native] [--check] [--rtol R] [--atol A]}: runs
 * each case's optimizer over its gradients and prints, per case, one JSON line
 * {@code {"case": ..., "trajectory": [...]}}; with {@code --check} the line also carries
 * {@code max_abs_error}, {@code max_rel_error} and {@code within_tolerance}. A case the overflow
 * policy stops (docs/optimizers.md) adds {@code diverged_at_step} and {@code divergence}, its
 * trajectory ends before that step, and stderr says so; it is a result (exit 0), and beyond
 * tolerance under {@code --check}.
 *
 * <p>Exit status: 0 all fine, 1 some case beyond tolerance, 2 a case malformed or an engine
 * unavailable (the other cases still run).
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = "Replay optimizer conformance cases and print the parameter trajectories.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every case ran, a diverged one included (and, with --check, is within tolerance)",
      "1:some case is beyond tolerance",
      "2:a case is malformed, or the engine is unavailable"
    })
public final class ReplayCommand implements Callable<Integer> {

  static final int BEYOND_TOLERANCE = 1;
  static final int MALFORMED = 2;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "CASE.json", description = "case files")
  List<Path> cases = new ArrayList<>();

  @Option(names = "--engine", defaultValue = "native", paramLabel = "ENGINE",
      description = "where the optimizer runs: native (built in) or djl; default ${DEFAULT-VALUE}")
  String engine;

  @Option(names = "--check", description = "compare with each case's \"expected\" and fail beyond tolerance")
  boolean check;

  @Option(names = "--rtol", defaultValue = "1e-5", paramLabel = "R",
      description = "relative tolerance: |a − e| ≤ atol + rtol·|e| (default ${DEFAULT-VALUE})")
  double rtol;

  @Option(names = "--atol", defaultValue = "1e-6", paramLabel = "A",
      description = "absolute tolerance (default ${DEFAULT-VALUE})")
  double atol;

  @Option(names = "--step-rtol", defaultValue = "1e-5", paramLabel = "S",
      description = "per-step tolerance: each step restarted from the expected iterate may miss"
          + " the expected update by S of its size (default ${DEFAULT-VALUE})")
  double stepRtol;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<ReplayEngine> found = ReplayEngines.find(engine);
    if (found.isEmpty()) {
      err.println(ReplayEngines.KNOWN.contains(engine)
          ? "error: engine " + engine + " replay is not available in this build"
          : "error: unknown engine '" + engine + "'; known: " + ReplayEngines.KNOWN);
      err.flush();
      return MALFORMED;
    }
    if (engine.equals("djl")) {
      Optional<String> libtorch = LibtorchPlatform.problem();
      if (libtorch.isPresent()) {
        err.println("error: " + libtorch.get());
        err.flush();
        return MALFORMED;
      }
    }
    if (!(rtol >= 0) || !(atol >= 0) || !(stepRtol >= 0)) {
      err.println("error: --rtol, --atol and --step-rtol must be non-negative numbers");
      err.flush();
      return MALFORMED;
    }
    int status = 0;
    for (Path file : cases) {
      try {
        ReplayCase c = CaseReader.read(file);
        if (check && c.expected() == null) {
          // Refused before anything runs: a case without expected values cannot be checked.
          throw new ReplayException(c.name(), "expected", "required by --check");
        }
        ReplayResult result = found.get().replay(c);
        ObjectNode line = JSON.createObjectNode();
        line.put("case", c.name());
        line.set("trajectory", toJson(result.trajectory()));
        if (result.diverged()) {
          line.put("diverged_at_step", result.divergence().step());
          line.put("divergence", result.divergence().reason());
          err.printf("%s: diverged at step %d: %s%n", c.name(), result.divergence().step(),
              result.divergence().reason());
        }
        if (check) {
          status = Math.max(status, check(c, result, found.get(), line, err));
        }
        out.println(JSON.writeValueAsString(line));
      } catch (ReplayException e) {
        err.println("error: " + e.getMessage());
        status = MALFORMED;
      }
    }
    out.flush();
    err.flush();
    return status;
  }

  /**
   * Compares the steps replayed with the expected ones, twice: the free-running trajectory
   * elementwise ({@link TrajectoryCheck}), and every step restarted from the expected iterate
   * against the expected update's size ({@link StepwiseCheck}). A diverged replay is beyond
   * tolerance: the expected trajectory has finite values for every step (JSON holds no others),
   * and the replay has none from the diverged step on; its errors cover the steps before.
   */
  private int check(ReplayCase c, ReplayResult replay, ReplayEngine engine, ObjectNode line,
      PrintWriter err) throws ReplayException {
    if (c.expected() == null) {
      throw new ReplayException(c.name(), "expected", "required by --check");
    }
    List<String> names = new ArrayList<>();
    for (Tensor t : c.initial()) {
      names.add(t.name());
    }
    List<float[][]> trajectory = replay.trajectory();
    TrajectoryCheck result = TrajectoryCheck.compare(
        c.expected().subList(0, trajectory.size()), trajectory, names, rtol, atol);
    StepwiseCheck stepwise = StepwiseCheck.run(engine, c, stepRtol);
    boolean within = result.withinTolerance() && stepwise.withinTolerance() && !replay.diverged();
    line.put("max_abs_error", result.maxAbsError());
    line.put("max_rel_error", result.maxRelError());
    line.put("max_step_error", stepwise.maxRelError());
    line.put("within_tolerance", within);
    String verdict = within ? "ok"
        : replay.diverged()
            ? "BEYOND TOLERANCE: diverged at step " + replay.divergence().step() + " of "
                + c.steps()
            : !result.withinTolerance()
                ? "BEYOND TOLERANCE (rtol " + rtol + ", atol " + atol + "), worst at "
                    + result.worst()
                : "BEYOND TOLERANCE (step-rtol " + stepRtol + "), worst at " + stepwise.worst();
    err.printf("%s: max abs error %.3g, max rel error %.3g, max step error %.3g: %s%n", c.name(),
        result.maxAbsError(), result.maxRelError(), stepwise.maxRelError(), verdict);
    return within ? 0 : BEYOND_TOLERANCE;
  }

  private static ArrayNode toJson(List<float[][]> trajectory) {
    ArrayNode steps = JSON.createArrayNode();
    for (float[][] step : trajectory) {
      ArrayNode tensors = steps.addArray();
      for (float[] values : step) {
        ArrayNode array = tensors.addArray();
        for (float v : values) {
          array.add(v);
        }
      }
    }
    return steps;
  }
}
