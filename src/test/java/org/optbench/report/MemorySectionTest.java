package org.optbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optbench.io.SampleResults.component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.io.SampleResults;
import org.optbench.spec.Axis;
import org.optbench.spec.ExperimentSpec;
import tech.tablesaw.api.Table;

/**
 * The memory section shows a row per optimizer setting, not per learning rate, and says once that
 * mixed precision changes nothing in this accounting instead of a table of 1s. SampleResults: 100
 * parameters (seed 0), 400 param bytes, state 8·100 = 800 B for adam and 4·100 = 400 B otherwise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemorySectionTest {

  @TempDir static Path tmp;

  Path report;
  String html;

  @BeforeAll
  void buildReport() throws IOException {
    ExperimentSpec spec =
        SampleResults.spec(
            "memory",
            "two learning rates of one setting",
            List.of(component(Axis.WORKLOAD, "linear_regression")),
            List.of(
                component(Axis.OPTIMIZER, "sgd", "lr", 0.1, "momentum", 0.9),
                component(Axis.OPTIMIZER, "sgd", "lr", 0.01, "momentum", 0.9),
                component(Axis.OPTIMIZER, "sgd", "lr", 0.1),
                component(Axis.OPTIMIZER, "adam", "lr", 0.01),
                component(Axis.OPTIMIZER, "adam", "lr", 0.001)),
            List.of(component(Axis.CLIP, "none")),
            List.of(0L),
            20,
            10);
    report = SampleReports.converging(tmp, spec);
    html = Files.readString(report.resolve("index.html"));
  }

  @Test
  void oneRowPerOptimizerSettingWhateverItsLearningRate() throws IOException {
    Table table = Table.read().csv(report.resolve("tables/memory.csv").toFile());
    assertEquals(
        List.of("sgd(momentum=0.9)", "sgd", "adam"), table.stringColumn("optimizer").asList());
    // total = 2 × param bytes + state: 2·400 + 400 = 1,200 B (sgd), 2·400 + 800 = 1,600 B
    // (adam).
    assertEquals(1200, table.numberColumn("total").getDouble(0), 1e-12);
    assertEquals(1200, table.numberColumn("total").getDouble(1), 1e-12);
    assertEquals(1600, table.numberColumn("total").getDouble(2), 1e-12);
    assertEquals(3.0, table.numberColumn("multiple").getDouble(0), 1e-12);
    assertEquals(4.0, table.numberColumn("multiple").getDouble(2), 1e-12);
    assertFalse(table.columnNames().contains("grad bytes"), "always equal to param bytes");
  }

  @Test
  void mixedPrecisionIsOneSentenceNotATableOfOnes() {
    assertFalse(Files.exists(report.resolve("tables/precision.csv")));
    // Example: the largest model (all have n = 100), then the most state: adam,
    // 2·100 + 2·100 + 4·100 + 800 = 1,600 B = 1.6 KiB, the same as 4·100 + 4·100 + 800.
    assertTrue(html.contains("mixed / fp32 = 1 for every optimizer (e.g. linear_regression"
        + " (n = 100) with adam: 1.6 KiB either way)"), "sentence");
  }
}
