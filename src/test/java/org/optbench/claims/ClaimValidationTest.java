package org.optbench.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.optbench.spec.SpecException;
import org.optbench.spec.SpecParser;

/**
 * A claim whose filters select no run of its grid would end as "inconclusive, n = 0" after the
 * whole grid has trained; it is refused at the check's line and column instead.
 */
class ClaimValidationTest {

  private static final Path FILE = Path.of("experiments/x.yaml");

  /** sgd at lr 0.1 and adam at lr 0.01 (its amsgrad false), on one workload, seeds 0 and 1. */
  private static String spec(String check) {
    return """
        name: t
        workloads: [mlp]
        steps: 20
        seeds: [0, 1]
        grid:
          optimizer: [{name: sgd, lr: 0.1}, {name: adam, lr: 0.01}]
        expect:
          - claim: x
            check: "%s"
        """.formatted(check);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("emptySelections")
  void aFilterThatSelectsNoRunIsASpecError(String check, String expected) {
    SpecException e = assertThrows(SpecException.class,
        () -> ClaimValidation.validate(SpecParser.parse(FILE, spec(check))));
    // The check starts on line 9, column 12 (after the opening quote, which the column counts).
    assertEquals("experiments/x.yaml:9:12: check: " + expected, e.getMessage());
  }

  static Stream<Arguments> emptySelections() {
    return Stream.of(
        Arguments.of("median(final_loss | optimizer=adma) < 1",
            "filter optimizer=adma in median(final_loss | optimizer=adma) selects no run of the"
                + " grid, which has optimizer sgd, adam; use a value the grid has"),
        Arguments.of("median(final_loss | lr=0.5) < 1",
            "filter lr=0.5 in median(final_loss | lr=0.5) selects no run of the grid, which has"
                + " lr 0.1, 0.01; use a value the grid has"),
        Arguments.of("median(final_loss | amsgrad=true) < 1",
            "filter amsgrad=true in median(final_loss | amsgrad=true) selects no run of the grid,"
                + " which has amsgrad false; use a value the grid has"),
        Arguments.of("median(final_loss | seed>5) < 1",
            "filter seed>5 in median(final_loss | seed>5) selects no run of the grid, which has"
                + " seed 0, 1; use a value the grid has"),
        Arguments.of("median(final_loss | optimizer=sgd, lr=0.01) < 1",
            "no run of the grid has optimizer=sgd and lr=0.01 together, so median(final_loss |"
                + " optimizer=sgd, lr=0.01) would have no values; change a filter or add the"
                + " missing combination to the grid"),
        // The evaluator parses a numeric column's value; 'true' would fail there, after the run.
        Arguments.of("count(final_loss | lr=true) > 0",
            "filter lr compares numbers, got 'true' in count(final_loss | lr=true)"),
        Arguments.of("count(final_loss | diverged=1) > 0",
            "filter diverged is true or false, got '1' in count(final_loss | diverged=1)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "median(final_loss | optimizer=adam) < median(final_loss | optimizer=sgd)",
      "median(final_loss | lr=1e-2) < 1",
      "median(final_loss | optimizer=sgd, lr=0.1, seed=1) < 1",
      "count(final_loss | optimizer!=adam, diverged=false) >= 0",
      // step and diverged are measured: only a run knows them, so they are not tried here.
      "max(grad_norm | step>=10, optimizer=adam) < 100",
      "median(final_loss | amsgrad=false) < 1"})
  void filtersThatSelectRunsPass(String check) throws SpecException {
    ClaimValidation.validate(SpecParser.parse(FILE, spec(check)));
  }
}
