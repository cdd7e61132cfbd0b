package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optbench.metrics.RunArtifacts;
import org.optbench.metrics.RunListener;
import org.optbench.metrics.RunResult;
import org.optbench.metrics.StepRecord;
import org.optbench.spec.Axis;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.testing.Cells;
import org.optbench.testing.IdxFixtures;
import org.optbench.workload.Workloads;

/**
 * A short real training run of every workload with Adam, at sizes far below "smoke": the mean
 * training loss of the last tenth of the steps must be well below that of the first tenth.
 */
class WorkloadTrainingTest {

  @TempDir static Path images;

  @BeforeAll
  static void writeImages() throws Exception {
    IdxFixtures.writeImageSet(images, 400, 100);
  }

  static Stream<Arguments> workloads() {
    String dir = images == null ? "" : images.toString();
    Map<String, Object> imageSizes = Map.of("data_dir", dir, "train_size", 400, "eval_size", 100,
        "batch_size", 32);
    Map<String, Object> tinyLm = Map.of("seq_len", 16, "batch_size", 8, "eval_windows", 4,
        "sample_length", 20);
    return Stream.of(
        Arguments.of("quadratic", Map.of("dim", 4, "condition", 10.0), 0.1, 100, 0.1),
        Arguments.of("rosenbrock", Map.of(), 0.02, 150, 0.5),
        Arguments.of("quartic", Map.of("x0", 2.0), 0.1, 60, 0.1),
        Arguments.of("spirals_mlp", Map.of("train_size", 400, "eval_size", 100), 0.02, 150, 0.8),
        Arguments.of("fmnist_logreg", imageSizes, 0.01, 60, 0.5),
        Arguments.of("fmnist_mlp", with(imageSizes, "hidden", List.of(32)), 0.005, 60, 0.5),
        Arguments.of("fmnist_cnn", with(imageSizes, "channels", List.of(4, 8)), 0.005, 60, 0.5),
        Arguments.of("char_rnn", with(tinyLm, "hidden", 48), 0.01, 80, 0.8),
        Arguments.of("char_rnn", with(with(tinyLm, "hidden", 48), "cell", "gru"), 0.01, 80, 0.8),
        Arguments.of("tiny_gpt", with(with(tinyLm, "d_model", 32), "layers", 1), 0.003, 80, 0.8));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("workloads")
  void lossFallsWithAdam(
      String name, Map<String, Object> overrides, double lr, int steps, double ratio) {
    Component workload = Cells.component(Axis.WORKLOAD, name, overrides);
    Component adam = Cells.component(Axis.OPTIMIZER, "adam", Map.of("lr", lr));
    Cell cell = Cells.cell(workload, adam, Cells.noClip(), 0, steps, steps / 2);
    List<RunArtifacts> artifacts = new ArrayList<>();
    RunListener listener = new RunListener() {
      @Override
      public void onArtifacts(Cell c, RunArtifacts a) {
        artifacts.add(a);
      }
    };

    RunResult result = new DjlEngine().train(cell, Workloads.create(workload), listener);

    assertFalse(result.summary().diverged());
    List<StepRecord> records = result.steps();
    assertEquals(steps, records.size());
    int tenth = steps / 10;
    double first = mean(records.subList(0, tenth));
    double last = mean(records.subList(steps - tenth, steps));
    assertTrue(last < ratio * first, name + ": first " + first + ", last " + last);
    assertEquals(1, artifacts.size());
    assertTrue(artifacts.get(0).metrics().get(RunArtifacts.EXAMPLES_PER_SECOND) > 0);
    if (name.equals("char_rnn") || name.equals("tiny_gpt")) {
      String sample = artifacts.get(0).samples().get(RunArtifacts.SAMPLE);
      assertTrue(sample.startsWith("It is a truth universally acknowledged"), sample);
      assertEquals("It is a truth universally acknowledged".length() + 20, sample.length());
      assertTrue(artifacts.get(0).metrics().get(RunArtifacts.TOKENS_PER_SECOND) > 0);
    }
  }

  private static double mean(List<StepRecord> steps) {
    return steps.stream().mapToDouble(StepRecord::loss).average().orElseThrow();
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> copy = new HashMap<>(base);
    copy.put(key, value);
    return copy;
  }
}
