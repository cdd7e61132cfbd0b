package org.optbench.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code regression:} key: margins for compare's interval statistics, on/off per metric. */
class RegressionSectionTest {

  private static final Path FILE = Path.of("experiments/x.yaml");

  private static Map<String, RegressionSection.Override> read(String section) throws SpecException {
    return RegressionSection.read(FILE, "name: x\nregression:\n" + section);
  }

  @Test
  void metricsTakeOnOffOrAMargin() throws SpecException {
    Map<String, RegressionSection.Override> o = read(
        "  steps_per_second: on\n  best_loss: off\n  final_accuracy: {atol: 0.01}\n");
    assertEquals(new RegressionSection.Override(false, null, null), o.get("steps_per_second"));
    assertEquals(new RegressionSection.Override(true, null, null), o.get("best_loss"));
    assertEquals(new RegressionSection.Override(false, null, 0.01), o.get("final_accuracy"));
  }

  @Test
  void widenIsRefusedWithWhatReplacedIt() {
    SpecException e = assertThrows(SpecException.class, () -> read("  final_loss: {widen: 2.0}\n"));
    assertEquals(3, e.line());
    assertEquals(16, e.column());
    assertTrue(e.getMessage().startsWith("experiments/x.yaml:3:16: regression.final_loss.widen is"
        + " gone"), e.getMessage());
  }

  @Test
  void exactMetricsHaveNoMargin() {
    SpecException e = assertThrows(SpecException.class, () -> read("  diverged: {rtol: 0.1}\n"));
    assertTrue(e.getMessage().contains("regression.diverged is judged exactly, per seed"),
        e.getMessage());
  }
}
