package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.io.ResultSeries;
import org.optbench.io.ResultSet;
import org.optbench.io.StepSeries;
import tech.tablesaw.api.Table;

/**
 * {@code record_every}: a long run keeps a thinned step table, while its summary (computed from
 * every step) is the same as when every step is kept.
 */
class RecordEveryTest {

  @TempDir Path dir;

  /**
   * SGD at lr 0.01 on Reddi et al.'s online problem (see OnlineConvexTest): 1,050 steps, evaluated
   * every 300, so the kept steps are 1, the multiples of 250, the evaluations 300, 600, 900 and
   * the last, 1,050.
   */
  private static String spec(String name, String recordEvery) {
    return "name: " + name + "\n"
        + "workloads: [{model: online_convex}]\n"
        + "steps: 1050\n"
        + "eval_every: 300\n"
        + recordEvery
        + "engines: [native]\n"
        + "grid:\n"
        + "  optimizer: [{name: sgd, lr: 0.01}]\n";
  }

  private ResultSet run(String name, String recordEvery) throws Exception {
    Path spec = dir.resolve(name + ".yaml");
    Files.writeString(spec, spec(name, recordEvery));
    Cli.Result result = Cli.execute("run", spec.toString(), "--out", dir.resolve("results").toString(),
        "--reports", dir.resolve("reports").toString(), "--no-progress");
    assertEquals(0, result.exit(), result.all());
    return ResultSet.read(dir.resolve("results").resolve(name));
  }

  @Test
  void keepsTheChosenStepsAndTheSameSummary() throws Exception {
    ResultSet every = run("every", "");
    ResultSet thinned = run("thinned", "record_every: 250\n");
    StepSeries steps = ResultSeries.read(dir.resolve("results/thinned")).steps();
    StepSeries.Run run = steps.run(steps.runIds().get(0));
    assertArrayEquals(new int[] {1, 250, 300, 500, 600, 750, 900, 1000, 1050}, run.steps());

    Table a = every.runs();
    Table b = thinned.runs();
    assertEquals(1050, a.intColumn("steps_recorded").getInt(0));
    assertEquals(9, b.intColumn("steps_recorded").getInt(0));
    for (String column : new String[] {"steps_done", "final_loss", "best_loss", "final_loss_avg",
        "final_eval_loss", "clipped_fraction"}) {
      assertEquals(a.column(column).getString(0), b.column(column).getString(0), column);
    }
    assertTrue(!a.stringColumn("run_id").get(0).equals(b.stringColumn("run_id").get(0)),
        "a thinned run is another run: resume must not mix the two tables");
  }

  @Test
  void aStepTableMissingAKeptRowIsDamage() throws Exception {
    run("thinned", "record_every: 250\n");
    Path results = dir.resolve("results/thinned");
    Path runs = results.resolve("runs.csv");
    // Claim ten kept rows where the step table has nine (steps_recorded is the last column).
    String text = Files.readString(runs);
    assertTrue(text.lines().findFirst().orElseThrow().endsWith(",steps_recorded"), text);
    assertTrue(text.stripTrailing().endsWith(",9"), text);
    Files.writeString(runs, text.stripTrailing().replaceAll(",9$", ",10") + "\n");
    Cli.Result result = Cli.execute("claims", results.toString());
    assertEquals(2, result.exit(), result.all());
    assertTrue(result.err().contains("says steps_recorded 10"), result.all());
  }
}
