package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.io.ResultSet;
import org.optbench.testing.ForcedCollections;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code run --workers 2} gives a serial run's numbers bit for bit, on a grid of small GPTs (the
 * model whose worker runs once differed): eight cells over two child JVMs, so each child trains
 * several cells one after another. The serial run trains under {@link ForcedCollections}, so a
 * result that depends on when or how often a JVM collects garbage, or on what it trained before,
 * shows as a difference. Every column of runs.csv, steps.csv and samples.csv must match except the
 * wall-clock ones.
 */
class WorkersReproduceSerialTest {

  /** Eight tiny GPT cells of 40 steps, clipped and not, with a warm-up: under a second each. */
  static final String SPEC =
      """
      name: workers_gpt
      workloads:
        - {model: tiny_gpt, size: smoke, d_model: 32, layers: 1, seq_len: 16, batch_size: 8,
           eval_windows: 4, sample_length: 20}
      steps: 40
      eval_every: 20
      seeds: [0, 1]
      grid:
        optimizer:
          - {name: adamw, lr: 0.003, weight_decay: 0.1}
          - {name: adam, lr: 0.003}
        clip:
          - {name: global_norm, max_norm: 1.0}
          - none
        schedule:
          - {name: warmup_cosine, warmup_steps: 10}
      """;

  /** Columns that measure time, which no two runs share. */
  static final Set<String> WALL_CLOCK = Set.of("wall_ms", "steps_per_second", "wall_seconds",
      "examples_per_second", "tokens_per_second", "eval_seconds", "warmup_seconds");

  @TempDir Path dir;

  @Test
  void twoWorkersGiveTheSerialRunsNumbersBitForBit() throws Exception {
    Path spec = dir.resolve("workers_gpt.yaml");
    Files.writeString(spec, SPEC);

    try (ForcedCollections collections = ForcedCollections.every(10)) {
      run(spec, dir.resolve("serial"));
    }
    run(spec, dir.resolve("workers"), "--workers", "2");

    ResultSet serial = ResultSet.read(dir.resolve("serial/workers_gpt"));
    ResultSet workers = ResultSet.read(dir.resolve("workers/workers_gpt"));
    assertEquals(8, serial.runs().rowCount());
    assertSameNumbers(serial.runs(), workers.runs());
    assertSameNumbers(serial.steps(), workers.steps());
    assertSameNumbers(serial.samples(), workers.samples());
  }

  private void run(Path spec, Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("run", spec.toString(), "--out", out.toString(),
        "--reports", dir.resolve("reports").toString(), "--no-progress"));
    args.addAll(List.of(more));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = Main.execute(args.toArray(String[]::new));
    } finally {
      System.setOut(original);
    }
    assertEquals(0, exit, printed.toString(StandardCharsets.UTF_8));
  }

  /** Same rows in the same order; Double.equals compares bits, so NaN matches NaN. */
  private static void assertSameNumbers(Table expected, Table actual) {
    assertEquals(expected.columnNames(), actual.columnNames(), expected.name());
    assertEquals(expected.rowCount(), actual.rowCount(), expected.name());
    for (Column<?> column : expected.columns()) {
      if (!WALL_CLOCK.contains(column.name())) {
        assertEquals(column.asList(), actual.column(column.name()).asList(),
            expected.name() + " column " + column.name());
      }
    }
  }
}
