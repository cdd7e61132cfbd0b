package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.io.ResultSet;
import tech.tablesaw.api.Table;

/**
 * A Schedule-Free grid on both engines, interrupted after half of its cells (one shard of two)
 * and resumed by the same command, gives the numbers of the grid run without interruption: the
 * finished cells are reused and the others train from their first step, so every step's training
 * loss (at y), step size, evaluation (at x) and every final metric are the same, bit for bit.
 */
class ScheduleFreeGridResumeTest {

  @TempDir Path dir;

  static final String SPEC =
      """
      name: sf
      workloads:
        - {model: mlp, hidden: [8], dataset: synthetic_blobs, classes: 3, batch_size: 16}
        - {model: quadratic, dim: 4, condition: 10.0}
      steps: 30
      eval_every: 10
      seeds: [0]
      engines: [djl, native]
      grid:
        optimizer:
          - {name: schedule_free_sgd, lr: 0.1}
          - {name: schedule_free_adamw, lr: 0.01, weight_decay: 0.01}
        schedule:
          - {name: warmup_linear, warmup_steps: 5, final_factor: 1.0}
      """;

  private String run(Path spec, Path root, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("run", spec.toString(), "--out",
        root.toString(), "--reports", dir.resolve("reports").toString(), "--no-progress"));
    args.addAll(List.of(more));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, Main.execute(args.toArray(String[]::new)), out.toString());
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aResumedGridReproducesTheUninterruptedOne() throws Exception {
    Path spec = dir.resolve("sf.yaml");
    Files.writeString(spec, SPEC);
    run(spec, dir.resolve("whole"));
    Path resumed = dir.resolve("resumed");
    run(spec, resumed, "--shard", "0/2");
    String out = run(spec, resumed);
    assertTrue(out.contains("4 of 8 runs already complete"), out);

    ResultSet a = ResultSet.read(dir.resolve("whole/sf"));
    ResultSet b = ResultSet.read(resumed.resolve("sf"));
    for (String column : List.of("final_loss", "final_eval_loss")) {
      assertEquals(a.runs().doubleColumn(column).asList(), b.runs().doubleColumn(column).asList(),
          column);
    }
    assertEquals(a.runs().stringColumn("run_id").asList(),
        b.runs().stringColumn("run_id").asList());
    Table sa = a.steps();
    Table sb = b.steps();
    assertEquals(8 * 30, sa.rowCount());
    assertEquals(sa.stringColumn("run_id").asList(), sb.stringColumn("run_id").asList());
    for (String column : List.of("loss", "step_size", "eval_loss")) {
      assertEquals(sa.doubleColumn(column).asList(), sb.doubleColumn(column).asList(), column);
    }
    // Each cell's final evaluation at x is the same on djl and native (float32 either way).
    java.util.Map<String, Double> djl = new java.util.HashMap<>();
    Table runs = a.runs();
    for (int row = 0; row < runs.rowCount(); row++) {
      String key = runs.stringColumn("workload").get(row) + " " + runs.stringColumn("optimizer")
          .get(row);
      double eval = runs.doubleColumn("final_eval_loss").get(row);
      assertTrue(Double.isFinite(eval), key);
      if (runs.stringColumn("engine").get(row).equals("djl")) {
        djl.put(key, eval);
      }
    }
    assertEquals(4, djl.size());
    for (int row = 0; row < runs.rowCount(); row++) {
      if (runs.stringColumn("engine").get(row).equals("native")) {
        String key = runs.stringColumn("workload").get(row) + " "
            + runs.stringColumn("optimizer").get(row);
        double eval = runs.doubleColumn("final_eval_loss").get(row);
        assertEquals(djl.get(key), eval, 1e-5 * Math.abs(eval), key);
      }
    }
  }
}
