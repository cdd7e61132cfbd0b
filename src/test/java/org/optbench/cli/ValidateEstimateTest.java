package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code validate} says what a grid will cost: memory per run and training time. */
class ValidateEstimateTest {

  private static String validate(String spec) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, Main.execute("validate", spec));
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void quickstartMemoryAndTimeAreTheHandComputedOnes() {
    String out = validate("experiments/quickstart.yaml");

    // linear_regression, 10 features: 11 parameters × 4 bytes; Adam keeps m and v (2 × 44 B);
    // data (1,000 + 200 examples) × (10 features + 1 target) × 4 B = 52,800 B; the widest
    // activation of a batch, 16 examples × 10 inputs × 4 B = 640 B; 53,616 B in all.
    assertTrue(out.contains("    memory per run ≈ 53.6 kB: parameters 44 B, gradients 44 B,"
        + " optimizer state up to 88 B (adam(lr=0.01)), data 52.8 kB, largest batch activation"
        + " 640 B\n"), out);
    // 48 runs × 300 steps × (2.5·10⁶ + multiply-adds per step) / 4.5·10⁹ per second: 24 runs at
    // 16 × 11 and 24 at 64 × 387 multiply-adds per step make 8.04 s.
    assertTrue(out.contains("  estimate: training ≈ 8 s on one core (cost model within 2× of"
        + " measured times on the development machine); largest run ≈ 53.6 kB of memory\n"), out);
  }

  @Test
  void adafactorStateIsAnUpperBound() {
    String out = validate("experiments/repro_adafactor_lr.yaml");

    // The MLP's 387 parameters: Adafactor's formula on one parameter is 4 bytes (its v), an
    // upper bound of the factored state (docs/optimizers.md).
    assertTrue(out.contains("optimizer state up to 1.5 kB (adafactor("), out);
  }
}
