package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claims end to end: evaluated after a run, written to claims.csv, and able to fail a run. */
class ClaimsCliTest {

  @TempDir Path dir;

  private static final String SPEC =
      """
      name: claimed
      workloads:
        - {model: linear_regression, features: 4, batch_size: 8, train_size: 128, eval_size: 32}
      steps: 30
      eval_every: 10
      seeds: [0, 1]
      grid:
        optimizer:
          - {name: sgd, lr: 0.05}
        clip:
          - {name: global_norm, max_norm: 0.5}
      expect:
        - claim: clipping never lets the applied gradient norm exceed max_norm
          source: torch.nn.utils.clip_grad_norm_
          check: max(grad_norm_after_clip | clip=global_norm) <= 0.5 + 1e-6
        - claim: a squared error can go below zero
          check: min(final_loss) < 0
      """;

  private int run(String... extra) throws Exception {
    Path spec = dir.resolve("claimed.yaml");
    Files.writeString(spec, SPEC);
    String[] args = {"run", spec.toString(), "--out", dir.resolve("results").toString(),
        "--reports", dir.resolve("reports").toString(), "--no-progress"};
    String[] all = new String[args.length + extra.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    PrintStream original = System.out;
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      return Main.execute(all);
    } finally {
      System.setOut(original);
    }
  }

  @Test
  void verdictsAreWrittenAndAContradictedClaimFailsTheRunWhenAsked() throws Exception {
    assertEquals(0, run(), "without --fail-on-claims a contradicted claim is reported, not fatal");
    String csv = Files.readString(dir.resolve("results/claimed/claims.csv"));
    assertTrue(csv.contains("clipping never lets the applied gradient norm exceed max_norm"), csv);
    String[] lines = csv.strip().split("\n");
    assertEquals(3, lines.length, csv);
    assertTrue(lines[1].contains(",reproduced,"), lines[1]);
    assertTrue(lines[2].contains(",not reproduced,"), lines[2]);

    assertEquals(1, run("--fail-on-claims"));

    Path table = dir.resolve("verdicts.md");
    assertEquals(0, Main.execute("claims", dir.resolve("results/claimed").toString(),
        "--markdown", table.toString()));
    String markdown = Files.readString(table);
    assertTrue(markdown.contains("| claimed | a squared error can go below zero |  | **not reproduced** |"),
        markdown);
  }

  @Test
  void anUnknownMetricInACheckIsABadSpecAtItsLine() throws Exception {
    Path spec = dir.resolve("bad.yaml");
    Files.writeString(spec, SPEC.replace("min(final_loss) < 0", "min(final_los) < 0"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = Main.execute("validate", spec.toString());
    } finally {
      System.setErr(original);
    }
    assertEquals(2, exit);
    // The failing check is on line 17 of the spec, after "    check: " (column 12).
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.startsWith("error: " + spec + ":17:12: check: unknown metric 'final_los'"),
        message);
    assertFalse(Files.exists(dir.resolve("results")));
  }
}
