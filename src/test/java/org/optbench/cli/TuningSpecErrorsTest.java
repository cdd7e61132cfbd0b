package org.optbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spec errors of the tuning protocol: each is one line naming file:line:col and the fix, exit 2,
 * from validate and run alike, and nothing is written.
 */
class TuningSpecErrorsTest {

  /** Line 7 holds the tuned optimizer entry; the case's text follows as lines 8 and on. */
  private static final String SPEC = """
      name: tuned
      workloads: [{model: linear_regression, features: 4, batch_size: 8, train_size: 64, eval_size: 16}]
      steps: 4
      seeds: [0, 1]
      grid:
        optimizer:
      """;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " ## ", quoteCharacter = '"', value = {
      "empty range ## - {name: sgd, tune: {lr: {log: [0.1, 0.1]}}}\\ntuning: {trials: 2} ## 7:36 ## the range [0.1, 0.1] is empty",
      "inverted range ## - {name: sgd, tune: {lr: {linear: [0.5, 0.1]}}}\\ntuning: {trials: 2} ## 7:39 ## write it as [0.1, 0.5]",
      "log range including 0 ## - {name: sgd, tune: {lr: {log: [0, 0.1]}}}\\ntuning: {trials: 2} ## 7:37 ## a log range must lie above 0",
      "budget of 0 ## - {name: sgd, tune: {lr: {log: [0.001, 0.1]}}}\\ntuning: {trials: 0} ## 8:18 ## trials must be in [1, 100000]",
      "no budget ## - {name: sgd, tune: {lr: {log: [0.001, 0.1]}}}\\ntuning: {sampler: random} ## 8:9 ## missing trials",
      "tune without tuning ## - {name: sgd, tune: {lr: {log: [0.001, 0.1]}}} ## 7:19 ## needs the tuning protocol",
      "tuning without tune ## - {name: sgd, lr: 0.1}\\ntuning: {trials: 2} ## 8:1 ## applies to no optimizer",
      "target on an unknown metric ## - {name: sgd, tune: {lr: {log: [0.001, 0.1]}}}\\ntuning: {trials: 2, target: {metric: eval_acuracy, value: 0.9}} ## 8:38 ## did you mean 'eval_accuracy'",
      "unknown tuned hyperparameter ## - {name: sgd, tune: {lrr: {log: [0.001, 0.1]}}}\\ntuning: {trials: 2} ## 7:26 ## did you mean 'lr'",
      "tuned and listed ## - {name: sgd, lr: 0.1, tune: {lr: {log: [0.001, 0.1]}}}\\ntuning: {trials: 2} ## 7:35 ## lr is both set (line 7) and tuned",
      "grid points against the budget ## - {name: sgd, tune: {lr: {log: [0.001, 0.1], points: 3}}}\\ntuning: {trials: 4, sampler: grid} ## 7:25 ## this grid has 3 points but tuning: trials is 4",
      "choice on a real range ## - {name: sgd, tune: {momentum: {int: [0, 1]}}}\\ntuning: {trials: 2} ## 7:37 ## is a number; search it with {log",
      "baseline not tuned ## - {name: sgd, tune: {lr: {log: [0.001, 0.1]}}}\\ntuning: {trials: 2, baseline: adam} ## 8:31 ## must name a tuned optimizer",
      "range outside the hyperparameter's ## - {name: sgd, tune: {momentum: {linear: [-0.5, 0.9]}}}\\ntuning: {trials: 2} ## 7:46 ## momentum must be >= 0",
  })
  void isOneLocatedLineExitTwoAndNothingWritten(String what, String extra, String where,
      String says) throws Exception {
    String text = SPEC + "    " + extra.replace("\\n", "\n") + "\n";
    Path spec = Files.writeString(dir.resolve("spec.yaml"), text);
    Cli.assertSpecRejected(spec, dir, where, says);
  }
}
