package org.optbench.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Specs that ask for more than their limits (README, "Writing a spec"): the grid is counted
 * from the YAML before any axis is expanded, so a grid of millions of runs is refused in
 * milliseconds, and a spec that raises its limits deliberately goes through. Line and column
 * count from 1 in the YAML text of each case.
 */
class SpecLimitsTest {

  private static final Path FILE = Path.of("experiments/x.yaml");

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @Timeout(5)
  void rejectsWithOneLocatedMessage(String rule, String yaml, String expected) {
    SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(FILE, yaml));
    assertEquals(expected, e.getMessage());
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // --- the grid, counted before it is expanded
        Arguments.of("nine lines of aliases", """
            name: t
            workloads: [mlp]
            steps: 10
            seeds: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
            engines: [djl, native]
            grid:
              optimizer:
                - {name: adam, lr: &v [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9], beta1: *v, beta2: *v, eps: *v, amsgrad: [true, false]}
              clip: [none, {name: global_norm, max_norm: *v}]
            """, "experiments/x.yaml:8:5: the grid has 2,624,400 runs (1 workloads × 13,122"
            + " optimizers × 10 clips × 1 schedules × 10 seeds × 2 engines), more than"
            + " limits.max_runs (20,000); make it smaller, or raise the limit for a deliberate"
            + " large study with a top-level 'limits: {max_runs: 2624400}'"),
        Arguments.of("preset points", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {preset: gpt3, lr: &v [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.01], beta2: *v, weight_decay: *v, max_norm: *v, warmup_steps: [1, 2, 3]}
            """, "experiments/x.yaml:6:5: the grid has 30,000 runs (1 workloads × (0"
            + " optimizers × 1 clips × 1 schedules + 30,000 preset points) × 1 seeds × 1 engines),"
            + " more than limits.max_runs (20,000); make it smaller, or raise the limit for a"
            + " deliberate large study with a top-level 'limits: {max_runs: 30000}'"),
        Arguments.of("seeds", "name: t\nworkloads: [mlp]\nsteps: 10\nseeds: ["
            + IntStream.range(0, 20_001).mapToObj(Integer::toString)
                .collect(Collectors.joining(", ")) + "]\ngrid: {optimizer: [adam]}\n",
            "experiments/x.yaml:4:8: the grid has 20,001 runs (1 workloads × 1 optimizers × 1"
                + " clips × 1 schedules × 20,001 seeds × 1 engines), more than limits.max_runs"
                + " (20,000); make it smaller, or raise the limit for a deliberate large study"
                + " with a top-level 'limits: {max_runs: 20001}'"),
        Arguments.of("a lowered limit", """
            name: t
            workloads: [mlp]
            steps: 10
            seeds: [0, 1, 2]
            limits: {max_runs: 2}
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:4:8: the grid has 3 runs (1 workloads × 1 optimizers × 1"
            + " clips × 1 schedules × 3 seeds × 1 engines), more than limits.max_runs (2); make it"
            + " smaller, or raise the limit for a deliberate large study with a top-level"
            + " 'limits: {max_runs: 3}'"),

        // --- steps
        Arguments.of("steps over the limit", """
            name: t
            workloads: [mlp]
            steps: 2000000000
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:3:8: a run of 2,000,000,000 steps, more than limits.max_steps"
            + " (1,000,000); make it smaller, or raise the limit for a deliberate large study with"
            + " a top-level 'limits: {max_steps: 2000000000}'"),

        // --- the limits section itself
        Arguments.of("limits not a map", """
            name: t
            limits: 5
            workloads: [mlp]
            steps: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:2:9: limits must be a map such as {max_runs: 50000}, got 5"),
        Arguments.of("unknown limit", """
            name: t
            limits: {max_run: 5}
            workloads: [mlp]
            steps: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:2:10: unknown key 'max_run' in limits; known: max_runs,"
            + " max_steps, max_params, max_values (did you mean 'max_runs'?)"),
        Arguments.of("zero limit", """
            name: t
            limits: {max_steps: 0}
            workloads: [mlp]
            steps: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:2:21: limits.max_steps must be a whole number >= 1, got 0"),
        Arguments.of("max_values beyond a Java array", """
            name: t
            limits: {max_values: 3000000000}
            workloads: [mlp]
            steps: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:2:22: limits.max_values may be at most 2,147,483,639 (the"
            + " longest Java array), got 3000000000"));
  }

  @Test
  void raisedLimitsLetADeliberateStudyThrough() throws SpecException {
    String seeds = IntStream.range(0, 25).mapToObj(Integer::toString)
        .collect(Collectors.joining(", "));
    String yaml = """
        name: t
        workloads: [mlp]
        steps: 2000000
        seeds: [%s]
        limits: {max_runs: 25000, max_steps: 2000000}
        grid:
          optimizer: [{name: sgd, lr: [%s]}]
        """.formatted(seeds, IntStream.rangeClosed(1, 1000).mapToObj(i -> i + "e-4")
        .collect(Collectors.joining(", ")));

    ExperimentSpec spec = SpecParser.parse(FILE, yaml);

    // 1,000 learning rates × 25 seeds.
    assertEquals(25_000, spec.cells().size());
    assertEquals(new Limits(25_000, 2_000_000, 50_000_000, 100_000_000), spec.limits());
  }

  @Test
  void limitsDefaultToTheDocumentedValues() throws SpecException {
    ExperimentSpec spec = SpecParser.parse(FILE, "name: t\nworkloads: [mlp]\nsteps: 10\n"
        + "grid: {optimizer: [adam]}\n");
    // README, "Writing a spec".
    assertEquals(new Limits(20_000, 1_000_000, 50_000_000, 100_000_000), spec.limits());
  }
}
