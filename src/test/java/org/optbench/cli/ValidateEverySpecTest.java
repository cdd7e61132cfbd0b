package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} checks every spec it is given: a bad one does not hide the next, and each good
 * one still gets its size and cost estimate.
 */
class ValidateEverySpecTest {

  @TempDir Path dir;

  @Test
  void everySpecIsCheckedAndEachGoodOneEstimated() throws Exception {
    Path typo = Files.writeString(dir.resolve("a.yaml"),
        "name: a\nworkloads: [mlp]\nsteps: 10\ngrid: {optimizer: [adma]}\n");
    Path good = Files.writeString(dir.resolve("b.yaml"),
        "name: b\nworkloads: [mlp]\nsteps: 10\ngrid: {optimizer: [adam]}\n");
    Path range = Files.writeString(dir.resolve("c.yaml"),
        "name: c\nworkloads: [mlp]\nsteps: 10\ngrid: {optimizer: [{name: adam, lr: -1.0}]}\n");
    Cli.Result result = Cli.execute("validate", typo.toString(), good.toString(),
        range.toString());
    assertEquals(2, result.exit(), result.err());
    List<String> errors = result.err().lines().toList();
    assertEquals(3, errors.size(), result.err());
    assertTrue(errors.get(0).startsWith("error: " + typo + ":4:20: unknown optimizer 'adma'"),
        errors.get(0));
    assertTrue(errors.get(1).startsWith("error: " + range + ":4:"), errors.get(1));
    assertEquals("2 of 3 specs have a problem", errors.get(2));
    assertTrue(result.out().startsWith(good + ": ok — experiment 'b', 1 runs"), result.out());
    assertTrue(result.out().lines().anyMatch(l -> l.startsWith("  estimate: training ")),
        result.out());
  }
}
