package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** validate, list, report and --help: their output and exit codes, without training anything. */
class CliCommandsTest {

  @TempDir Path dir;

  @Test
  void validateCountsTheQuickstartGrid() {
    Cli.Result result = Cli.execute("validate", "experiments/quickstart.yaml");
    assertEquals(0, result.exit(), result.err());
    // 2 workloads × (2 sgd + 2 adam learning rates) × 2 clips × 1 schedule × 3 seeds × 1 engine.
    assertTrue(result.out().contains("48 runs (2 workloads × 4 optimizers × 2 clips × 1 schedules × 3 seeds × 1 engines)"),
        result.out());
  }

  @Test
  void validateRejectsAnOptimizerTheEngineDoesNotRunWithExitTwo() throws Exception {
    Path spec = dir.resolve("x.yaml");
    Files.writeString(spec, """
        name: x
        workloads: [{model: mlp}]
        steps: 10
        grid:
          optimizer: [{name: sgd, lr: 0.1}]
          clip: [{name: nonexistent}]
        """);
    Cli.Result result = Cli.execute("validate", spec.toString());
    assertEquals(2, result.exit());
    assertTrue(result.err().startsWith("error: " + spec + ":6:"), result.err());
    assertTrue(result.err().contains("unknown clip 'nonexistent'"), result.err());
  }

  @Test
  void listShowsEveryAxisWithTorchDefaults() {
    Cli.Result result = Cli.execute("list");
    assertEquals(0, result.exit());
    String out = result.out();
    assertTrue(out.contains("optimizers (grid.optimizer[].name)"));
    // torch.optim.Adam's defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8.
    assertTrue(out.matches("(?s).*\\badam\\b.*beta2\\s+number\\s+default 0\\.999.*"), out);
    assertTrue(out.matches("(?s).*\\beps\\s+number\\s+default 1\\.0E-8.*"), out);
    assertTrue(out.contains("global_norm"));
    assertTrue(out.contains("linear_regression"));
    // The GPT-3 preset (Brown et al. 2020, App. B.1): AdamW β2 0.95, wd 0.1, clip 1.0.
    assertTrue(out.contains("adamw(lr=6.0E-4,beta2=0.95,weight_decay=0.1) · global_norm · warmup_cosine"),
        out);
    // Every optimizer of the registry with its reference; torch.optim's defaults for the newer
    // ones (Adadelta ρ 0.9, Rprop η₋ 0.5); L-BFGS named as not supported, with the reason.
    for (var def : org.optbench.spec.Catalog.components(org.optbench.spec.Axis.OPTIMIZER)) {
      assertTrue(out.contains("reference: " + def.reference()), def.name());
    }
    assertTrue(out.matches("(?s).*\\badadelta\\b.*rho\\s+number\\s+default 0\\.9\\b.*"), out);
    assertTrue(out.matches("(?s).*\\brprop\\b.*eta_minus\\s+number\\s+default 0\\.5\\b.*"), out);
    assertTrue(out.contains("lbfgs                not supported: L-BFGS (torch.optim.LBFGS)"), out);
  }

  @Test
  void anLbfgsSpecIsRefusedWithTheReason() throws Exception {
    Path spec = dir.resolve("lbfgs.yaml");
    java.nio.file.Files.writeString(spec, """
        name: t
        workloads: [quadratic]
        steps: 10
        grid:
          optimizer: [lbfgs]
        """);
    Cli.Result result = Cli.execute("validate", spec.toString());
    assertEquals(2, result.exit());
    assertEquals("error: " + spec + ":5:15: optimizer 'lbfgs' is not supported: L-BFGS"
        + " (torch.optim.LBFGS) re-evaluates the loss several times per step in its line search,"
        + " through a closure; optbench's steps take one gradient of one batch, which is what the"
        + " lockstep and replay cross-checks compare. Use a first-order optimizer (e.g. adam)"
        + " instead", result.err().strip());
  }

  @Test
  void reportOfAMissingFolderExitsTwoAndSaysWhatToPass() {
    Cli.Result result = Cli.execute("report", dir.resolve("nope").toString());
    assertEquals(2, result.exit());
    assertTrue(result.err().contains("no such results folder"), result.err());
    assertFalse(result.err().contains("\tat "), "no stack trace");
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "report", "validate", "list"})
  void everyCommandHasHelp(String command) {
    Cli.Result result = Cli.execute(command, "--help");
    assertEquals(0, result.exit());
    assertTrue(result.out().contains("Usage: optbench " + command), result.out());
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithExitTwo() {
    Cli.Result result = Cli.execute("run", "--bogus", "experiments/quickstart.yaml");
    assertEquals(2, result.exit());
    assertTrue(result.err().contains("Unknown option: '--bogus'"), result.err());
  }
}
