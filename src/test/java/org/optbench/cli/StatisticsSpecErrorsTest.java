package org.optbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spec errors of the statistical design: each is one located line, exit 2, from validate and run,
 * and nothing is written.
 */
class StatisticsSpecErrorsTest {

  private static final String SPEC = """
      name: paired
      workloads: [{model: linear_regression, features: 4, batch_size: 8, train_size: 64, eval_size: 16}]
      steps: 4
      seeds: [0, 1, 2]
      grid:
        optimizer: [{name: sgd, lr: 0.1}, {name: adam, lr: 0.01}]
      """;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " ## ", quoteCharacter = '"', value = {
      "claim on disjoint seeds ## expect: [{claim: x, check: 'median(final_loss | optimizer=sgd, seed=0) < median(final_loss | optimizer=adam, seed=1)'}] ## 7:28 ## share no seed",
      "zero equivalence margin ## expect: [{claim: x, check: 'within(median(final_loss | optimizer=sgd), median(final_loss | optimizer=adam), 0%)'}] ## 7:10 ## margin must be positive",
      "negative equivalence margin ## expect: [{claim: x, check: 'within(median(final_loss | optimizer=sgd), median(final_loss | optimizer=adam), -5%)'}] ## 7:10 ## positive margin",
      "data_seed of the wrong type ## data_seed: [0, 1] ## 7:12 ## data_seed must be a non-negative integer",
  })
  void isOneLocatedLineExitTwoAndNothingWritten(String what, String extra, String where,
      String says) throws Exception {
    Path spec = Files.writeString(dir.resolve("spec.yaml"), SPEC + extra + "\n");
    Cli.assertSpecRejected(spec, dir, where, says);
  }
}
