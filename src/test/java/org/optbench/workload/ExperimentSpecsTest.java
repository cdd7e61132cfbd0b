package org.optbench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.optbench.spec.Component;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.SpecParser;

/** Every spec under experiments/ parses, and each of its workloads builds. */
class ExperimentSpecsTest {

  @Test
  void everyExperimentParsesAndBuilds() throws Exception {
    List<Path> specs;
    try (Stream<Path> files = Files.list(Path.of("experiments"))) {
      specs = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertFalse(specs.isEmpty());
    for (Path file : specs) {
      ExperimentSpec spec = SpecParser.parse(file);
      for (Component component : spec.workloads()) {
        Workload workload = Workloads.create(component);
        assertTrue(workload.parameterCount() > 0, file + ": " + component.label());
      }
    }
  }

  @Test
  void parameterCountsMatchHandCounts() throws IOException {
    // LeNet-style on 28×28 with "same" padding: conv 1→6 (5·5·6 + 6 = 156), conv 6→16
    // (5·5·6·16 + 16 = 2,416), fc 16·7·7=784→120 (94,200), 120→84 (10,164), 84→10 (850).
    ConvNet lenet = new ConvNet(28, 28, List.of(6, 16), 5, List.of(120, 84), 10);
    assertEquals(156 + 2416 + 94200 + 10164 + 850, lenet.parameterCount());
    // char LSTM V=80, E=32, H=128, 1 layer: 80·32 + (128·80 + 80) + 4·128·(32 + 128 + 2).
    RecurrentLm lstm = new RecurrentLm(RecurrentLm.Cell.LSTM, 80, 32, 128, 1, 64);
    assertEquals(2560 + 10320 + 512 * 162, lstm.parameterCount());
    // GPT d=64, 2 layers, T=64, V=80, tied: embeddings 80·64 + 64·64, per block 12·64² + 13·64,
    // final LayerNorm 2·64.
    TransformerLm gpt = new TransformerLm(80, 64, 4, 2, 64, true);
    assertEquals(5120 + 4096 + 2 * (12 * 4096 + 13 * 64) + 128, gpt.parameterCount());
  }
}
