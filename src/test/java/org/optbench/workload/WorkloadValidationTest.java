package org.optbench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.SpecException;
import org.optbench.spec.SpecParser;

/**
 * Workloads too large for the spec's limits, or whose data cannot serve them, are refused at the
 * workload's entry (line 2, column 13: the map after "workloads: [") before any data is read or
 * any model built. Nothing here allocates more than the shipped corpus.
 */
class WorkloadValidationTest {

  private static final Path FILE = Path.of("experiments/x.yaml");

  @TempDir Path dir;

  private static ExperimentSpec spec(String workload, String limits) throws SpecException {
    return SpecParser.parse(FILE, """
        name: t
        workloads: [%s]
        steps: 10
        grid: {optimizer: [adam]}
        %s
        """.formatted(workload, limits));
  }

  private static String check(String workload, String limits) throws SpecException {
    ExperimentSpec spec = spec(workload, limits);
    return assertThrows(SpecException.class,
        () -> WorkloadValidation.create(spec, spec.workloads().get(0))).getMessage();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tooLarge")
  @Timeout(5)
  void aWorkloadOverTheLimitsIsRefusedAtItsEntry(String workload, String limits,
      String expected) throws SpecException {
    assertEquals("experiments/x.yaml:2:13: workload " + expected, check(workload, limits));
  }

  static Stream<Arguments> tooLarge() {
    String raise = ", or raise the limit for a deliberate large study with a top-level 'limits: ";
    return Stream.of(
        // 2 inputs → 10⁹ → 3 classes: 2·10⁹ + 10⁹ + 3·10⁹ + 3 = 6,000,000,003 parameters.
        Arguments.of("{model: mlp, hidden: [1000000000]}", "",
            "mlp(hidden=[1000000000]): its model has 6,000,000,003 parameters, more than"
                + " limits.max_params (50,000,000); make it smaller" + raise
                + "{max_params: 6000000003}'"),
        // (2·10⁹ + 500) examples × (2 features + 1 label).
        Arguments.of("{model: mlp, train_size: 2000000000}", "",
            "mlp(train_size=2000000000): its dataset holds 6,000,001,500 values (inputs and"
                + " targets of both splits), more than limits.max_values (100,000,000); make it"
                + " smaller: no Java array holds more than 2,147,483,639 values"),
        // (1,000 + 200) examples × (2·10⁹ features + 1 label).
        Arguments.of("{model: linear_regression, features: 2000000000}", "",
            "linear_regression(features=2000000000): its dataset holds 2,400,000,001,200 values"
                + " (inputs and targets of both splits), more than limits.max_values"
                + " (100,000,000); make it smaller: no Java array holds more than 2,147,483,639"
                + " values"),
        // The head's 3 classes × 6·10⁷ units in one matrix, with max_params raised past the
        // whole model.
        Arguments.of("{model: mlp, hidden: [60000000], batch_size: 1}",
            "limits: {max_params: 1000000000}",
            "mlp(hidden=[60000000],batch_size=1): its largest tensor layer1.weight[3, 60000000]"
                + " has 180,000,000 values, more than limits.max_values (100,000,000); make it"
                + " smaller" + raise + "{max_values: 180000000}'"),
        // Attention scores: batch 1 × 4 heads × 20,000² positions (one held-out window, which
        // the held-out text of 20,000-character windows still has).
        Arguments.of("{model: tiny_gpt, seq_len: 20000, batch_size: 1, eval_windows: 1}", "",
            "tiny_gpt(seq_len=20000,batch_size=1,eval_windows=1): one training batch's largest activation has"
                + " about 1,600,000,000 values, more than limits.max_values (100,000,000); make it"
                + " smaller" + raise + "{max_values: 1600000000}'"),
        // 3 × d_model does not fit in an int, the index type of every engine's tensors.
        Arguments.of("{model: tiny_gpt, d_model: 1000000000}", "",
            "tiny_gpt(d_model=1000000000): a tensor dimension would exceed 2,147,483,647, more"
                + " than an engine can index; make the model's sizes smaller"));
  }

  @Test
  void raisedLimitsLetALargeModelThrough() throws SpecException {
    // 2·2·10⁷ + 2·10⁷ + 3·2·10⁷ + 3 = 120,000,003 parameters; one batch of one example.
    String workload = "{model: mlp, hidden: [20000000], batch_size: 1}";
    assertEquals("experiments/x.yaml:2:13: workload mlp(hidden=[20000000],batch_size=1): its"
        + " model has 120,000,003 parameters, more than limits.max_params (50,000,000); make it"
        + " smaller, or raise the limit for a deliberate large study with a top-level 'limits:"
        + " {max_params: 120000003}'", check(workload, ""));

    ExperimentSpec raised = spec(workload, "limits: {max_params: 120000003}");
    Workload made = WorkloadValidation.create(raised, raised.workloads().get(0));

    assertEquals(120_000_003L, made.parameterCount());
  }

  @Test
  void anEmptyCorpusIsReportedAtItsWorkload() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.txt"));

    assertEquals("experiments/x.yaml:2:13: workload char_rnn(corpus=" + empty + "): the training"
        + " text (the corpus's first 0 characters) makes 0 windows of seq_len 64 + 1 characters,"
        + " fewer than one batch of batch_size 32; use a longer corpus, a shorter seq_len or a"
        + " smaller batch_size", check("{model: char_rnn, corpus: " + empty + "}", ""));
  }

  @Test
  void aCorpusThatIsAFolderIsReportedAtItsWorkload() throws Exception {
    assertEquals("experiments/x.yaml:2:13: workload char_rnn(corpus=" + dir + "): no text file"
        + " at " + dir + " (set by the workload's 'corpus'); give a UTF-8 text file or"
        + " 'pride_and_prejudice' for the corpus shipped with optbench",
        check("{model: char_rnn, corpus: " + dir + "}", ""));
  }

  @Test
  void aCorpusLargerThanTheDataLimitIsRefusedBeforeItIsRead() throws Exception {
    Path corpus = dir.resolve("corpus.txt");
    Files.writeString(corpus, "ab".repeat(600));

    // 1,200 bytes count as 2 × 1,200 values (each window's inputs and targets).
    assertEquals("experiments/x.yaml:2:13: workload char_rnn(corpus=" + corpus + "): its dataset"
        + " holds 2,400 values (inputs and targets of both splits), more than limits.max_values"
        + " (1,000); make it smaller, or raise the limit for a deliberate large study with a"
        + " top-level 'limits: {max_values: 2400}'",
        check("{model: char_rnn, corpus: " + corpus + "}", "limits: {max_values: 1000}"));
  }
}
