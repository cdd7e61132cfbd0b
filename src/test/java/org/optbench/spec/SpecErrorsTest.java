package org.optbench.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a spec can be wrong, with the exact message it gets. Line and column count from 1 in
 * the YAML text of each case; in a flow map, count the characters before the offending value.
 */
class SpecErrorsTest {

  /** The registry's optimizer names, as "known: ..." lists them. */
  private static final String OPTIMIZERS = Catalog.names(Axis.OPTIMIZER);

  private static final Path FILE = Path.of("experiments/x.yaml");

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rejectsWithOneLocatedMessage(String rule, String yaml, String expected) {
    SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(FILE, yaml));
    assertEquals(expected, e.getMessage());
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // --- the file as a whole
        Arguments.of("empty file", "", "experiments/x.yaml: empty spec; give at least name,"
            + " workloads, steps and grid (see experiments/quickstart.yaml)"),
        Arguments.of("only comments", "# nothing yet\n", "experiments/x.yaml: empty spec; give at"
            + " least name, workloads, steps and grid (see experiments/quickstart.yaml)"),
        Arguments.of("list at top level", "- adam\n- sgd\n", "experiments/x.yaml:1:1: the spec"
            + " must be a map such as {name: ..., workloads: ..., steps: ..., grid: ...}, got a list"),
        Arguments.of("unclosed flow list", """
            name: t
            workloads: [mlp
            steps: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:3:6: YAML syntax error: expected ',' or ']', but got :"
            + " (while parsing a flow sequence started at line 2, column 12)"),
        Arguments.of("unclosed quote", """
            name: 't
            """, "experiments/x.yaml:2:1: YAML syntax error: found unexpected end of stream"
            + " (while scanning a quoted scalar started at line 1, column 7)"),
        Arguments.of("two documents", """
            name: t
            ---
            name: u
            """, "experiments/x.yaml:2:1: YAML syntax error: expected a single document in the"
            + " stream, but found another document"),
        Arguments.of("indented key", """
            name: t
            workloads: [mlp]
            steps: 10
              grid: x
            """, "experiments/x.yaml:4:7: YAML syntax error: mapping values are not allowed here;"
            + " check the indentation, or quote text that holds ': '"),

        // --- top-level keys
        Arguments.of("unknown top-level key", """
            name: t
            workloads: [mlp]
            stpes: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:3:1: unknown key 'stpes' at top level; known: name,"
            + " description, workloads, steps, eval_every, record_every, seeds, data_seed, engines, grid, tuning, expect, crosscheck,"
            + " limits, regression"
            + " (did you mean 'steps'?)"),
        Arguments.of("duplicate key", """
            name: t
            workloads: [mlp]
            steps: 10
            steps: 20
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:4:1: duplicate key 'steps' (first given at line 3); keep one"),
        Arguments.of("missing name", """
            workloads: [mlp]
            steps: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:1:1: missing required key 'name'; add e.g. name: my_experiment"),
        Arguments.of("missing workloads after a comment", """
            # a comment moves the map's start
            name: t
            steps: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:2:1: missing required key 'workloads';"
            + " add e.g. workloads: [{model: mlp}]"),
        Arguments.of("missing steps", """
            name: t
            workloads: [mlp]
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:1:1: missing required key 'steps'; add e.g. steps: 300"),
        Arguments.of("missing grid", """
            name: t
            workloads: [mlp]
            steps: 10
            """, "experiments/x.yaml:1:1: missing required key 'grid';"
            + " add e.g. grid: {optimizer: [adam]}"),
        Arguments.of("missing grid.optimizer", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              clip: [none]
            """, "experiments/x.yaml:5:3: grid: missing required key 'optimizer';"
            + " add e.g. optimizer: [adam]"),
        Arguments.of("name with a space", """
            name: my exp
            workloads: [mlp]
            steps: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:1:7: name 'my exp' must start with a letter or digit and use"
            + " only letters, digits, '_', '.' and '-' (it becomes a folder name)"),
        Arguments.of("name leaving the folder", """
            name: ../up
            workloads: [mlp]
            steps: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:1:7: name '../up' must start with a letter or digit and use"
            + " only letters, digits, '_', '.' and '-' (it becomes a folder name)"),
        Arguments.of("name of 240 characters", "name: " + "a".repeat(240) + "\nworkloads: [mlp]\n"
            + "steps: 10\ngrid: {optimizer: [adam]}\n",
            "experiments/x.yaml:1:7: name of 240 characters is too long (at most 100)"),
        Arguments.of("name is a list", """
            name: [a]
            workloads: [mlp]
            steps: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:1:7: name must be a word such as quickstart, got a list"),

        // --- steps, eval_every, seeds, engines
        Arguments.of("zero steps", """
            name: t
            workloads: [mlp]
            steps: 0
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:3:8: steps must be >= 1, got 0"),
        Arguments.of("negative steps", """
            name: t
            workloads: [mlp]
            steps: -5
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:3:8: steps must be >= 1, got -5"),
        Arguments.of("fractional steps", """
            name: t
            workloads: [mlp]
            steps: 10.5
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:3:8: steps must be an integer, got 10.5"),
        Arguments.of("steps beyond int", """
            name: t
            workloads: [mlp]
            steps: 3000000000
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:3:8: steps is too large for an integer, got 3000000000"),
        Arguments.of("null steps", """
            name: t
            workloads: [mlp]
            steps: null
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:3:8: steps must not be null; give an integer"),
        Arguments.of("eval_every beyond steps", """
            name: t
            workloads: [mlp]
            steps: 10
            eval_every: 20
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:4:13: eval_every must be <= steps (10), got 20"),
        Arguments.of("zero eval_every", """
            name: t
            workloads: [mlp]
            steps: 10
            eval_every: 0
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:4:13: eval_every must be >= 1, got 0"),
        Arguments.of("record_every beyond steps", """
            name: t
            workloads: [mlp]
            steps: 10
            record_every: 20
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:4:15: record_every must be <= steps (10), got 20"),
        Arguments.of("zero record_every", """
            name: t
            workloads: [mlp]
            steps: 10
            record_every: 0
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:4:15: record_every must be >= 1, got 0"),
        Arguments.of("negative seed", """
            name: t
            workloads: [mlp]
            steps: 10
            seeds: [0, -1]
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:4:12: seeds must be >= 0, got -1"),
        Arguments.of("duplicate seed", """
            name: t
            workloads: [mlp]
            steps: 10
            seeds: [1, 2, 1]
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:4:15: seeds gives 1 twice (first at line 4); each seed runs once"),
        Arguments.of("empty seeds", """
            name: t
            workloads: [mlp]
            steps: 10
            seeds: []
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:4:8: seeds is empty; give at least one, e.g. seeds: [0, 1, 2],"
            + " or leave the key out for the default"),
        Arguments.of("unknown engine", """
            name: t
            workloads: [mlp]
            steps: 10
            engines: [torch]
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:4:11: unknown engine 'torch'; known: djl, native"),
        Arguments.of("misspelt engine", """
            name: t
            workloads: [mlp]
            steps: 10
            engines: dj
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:4:10: unknown engine 'dj'; known: djl, native (did you mean 'djl'?)"),
        Arguments.of("duplicate engine", """
            name: t
            workloads: [mlp]
            steps: 10
            engines: [djl, djl]
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:4:16: engines gives djl twice; remove one"),

        // --- grid shape
        Arguments.of("grid is a list", """
            name: t
            workloads: [mlp]
            steps: 10
            grid: [adam]
            """, "experiments/x.yaml:4:7: grid must be a map such as"
            + " {optimizer: [adam], clip: [none]}, got a list"),
        Arguments.of("unknown grid key", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimiser: [adam]
            """, "experiments/x.yaml:5:3: unknown key 'optimiser' in grid; known: optimizer, clip,"
            + " schedule (did you mean 'optimizer'?)"),
        Arguments.of("empty optimizer list", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer: []
            """, "experiments/x.yaml:5:14: grid.optimizer is empty; list at least one optimizer,"
            + " e.g. [adam]"),
        Arguments.of("empty clip list", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer: [adam]
              clip: []
            """, "experiments/x.yaml:6:9: grid.clip is empty; list at least one clip, e.g. [none]"),
        Arguments.of("optimizer given as one word", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer: adam
            """, "experiments/x.yaml:5:14: grid.optimizer must be a list such as [adam],"
            + " got 'adam'"),
        Arguments.of("workloads given as a map", """
            name: t
            workloads: {model: mlp}
            steps: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:2:12: workloads must be a list such as [{model: mlp}],"
            + " got a map; put '- ' before each entry to make a list"),
        Arguments.of("entry is a list", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer: [[adam]]
            """, "experiments/x.yaml:5:15: optimizer entry must be a name such as sgd or a map"
            + " such as {name: sgd}, got a list"),
        Arguments.of("entry without a name", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {lr: 0.1}
            """, "experiments/x.yaml:6:7: optimizer entry needs 'name', e.g. {name: sgd}"),

        // --- component names
        Arguments.of("unknown optimizer, near miss", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer: [adma]
            """, "experiments/x.yaml:5:15: unknown optimizer 'adma'; known: " + OPTIMIZERS
            + " (did you mean 'adam'?)"),
        Arguments.of("unknown optimizer, no near miss", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: kfac, lr: 0.001}
            """, "experiments/x.yaml:6:14: unknown optimizer 'kfac'; known: " + OPTIMIZERS),
        Arguments.of("unknown clip", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer: [adam]
              clip: [global_nrom]
            """, "experiments/x.yaml:6:10: unknown clip 'global_nrom'; known: none, global_norm, value, param_norm, agc,"
            + " autoclip, zclip, stat, lr_scaled, loss_feedback"
            + " (did you mean 'global_norm'?)"),
        Arguments.of("unknown schedule", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer: [adam]
              schedule: [cosine]
            """, "experiments/x.yaml:6:14: unknown schedule 'cosine'; known: constant, step, exponential, inverse_sqrt,"
            + " sqrt_decay, warmup_linear, warmup_cosine"),
        Arguments.of("unknown workload", """
            name: t
            workloads: [{model: cnn}]
            steps: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:2:21: unknown workload 'cnn'; known: linear_regression, mlp,"
                + " spirals_mlp, quadratic, rosenbrock, quartic, online_convex, fmnist_logreg,"
                + " fmnist_mlp, fmnist_cnn, char_rnn, tiny_gpt"),

        // --- hyperparameters
        Arguments.of("unknown hyperparameter", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: adam, beta3: 0.9}
            """, "experiments/x.yaml:6:20: optimizer adam: unknown hyperparameter 'beta3'; known:"
            + " lr, beta1, beta2, eps, weight_decay, amsgrad, impl (did you mean 'beta1'?)"),
        Arguments.of("unknown workload parameter", """
            name: t
            workloads:
              - {model: mlp, hiden: [64]}
            steps: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:3:18: workload mlp: unknown parameter 'hiden'; known: dataset,"
            + " hidden, classes, features, batch_size, train_size, eval_size, spread"
            + " (did you mean 'hidden'?)"),
        Arguments.of("hyperparameter for a component that takes none", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer: [adam]
              clip:
                - {name: none, max_norm: 1.0}
            """, "experiments/x.yaml:7:20: clip none takes no hyperparameters, got 'max_norm'"),
        Arguments.of("negative lr", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: sgd, lr: -0.1}
            """, "experiments/x.yaml:6:23: optimizer sgd: lr must be > 0, got -0.1"),
        Arguments.of("zero lr inside a list", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: sgd, lr: [0.1, 0]}
            """, "experiments/x.yaml:6:29: optimizer sgd: lr must be > 0, got 0"),
        Arguments.of("beta1 = 1", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: adam, beta1: 1}
            """, "experiments/x.yaml:6:27: optimizer adam: beta1 must be in [0, 1), got 1"),
        Arguments.of("negative beta2", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: adam, beta2: -0.5}
            """, "experiments/x.yaml:6:27: optimizer adam: beta2 must be in [0, 1), got -0.5"),
        Arguments.of("zero eps", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: adam, eps: 0.0}
            """, "experiments/x.yaml:6:25: optimizer adam: eps must be > 0, got 0.0"),
        Arguments.of("infinite lr", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: adam, lr: .inf}
            """, "experiments/x.yaml:6:24: optimizer adam: lr must be a finite number, got .inf"),
        Arguments.of("NaN lr", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: adam, lr: .nan}
            """, "experiments/x.yaml:6:24: optimizer adam: lr must be a finite number, got .nan"),
        Arguments.of("dampening above 1", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: sgd, dampening: 1.5}
            """, "experiments/x.yaml:6:30: optimizer sgd: dampening must be in [0, 1], got 1.5"),
        Arguments.of("word for a number", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: sgd, lr: fast}
            """, "experiments/x.yaml:6:23: optimizer sgd: lr must be a number, got 'fast'"),
        Arguments.of("word for a flag", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: adam, amsgrad: maybe}
            """, "experiments/x.yaml:6:29: optimizer adam: amsgrad must be true or false,"
            + " got 'maybe'"),
        Arguments.of("fraction for an integer", """
            name: t
            workloads:
              - {model: mlp, batch_size: 16.5}
            steps: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:3:30: workload mlp: batch_size must be an integer, got 16.5"),
        Arguments.of("word outside the choices", """
            name: t
            workloads:
              - {model: mlp, dataset: mnist}
            steps: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:3:27: workload mlp: dataset must be one of synthetic_blobs,"
            + " got 'mnist'"),
        Arguments.of("null for a non-optional hyperparameter", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: adam, lr: null}
            """, "experiments/x.yaml:6:24: optimizer adam: lr must not be null; give a number or"
            + " leave the key out for the default 0.001"),
        Arguments.of("empty value list", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: sgd, lr: []}
            """, "experiments/x.yaml:6:23: optimizer sgd: empty list for lr: give at least one"
            + " value"),
        Arguments.of("nested list for a number", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: sgd, lr: [[0.1]]}
            """, "experiments/x.yaml:6:24: optimizer sgd: lr must be a number, got a list"),
        Arguments.of("one number for a list of integers", """
            name: t
            workloads:
              - {model: mlp, hidden: 64}
            steps: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:3:26: workload mlp: hidden must be a list of integers such"
            + " as [64], got 64"),
        Arguments.of("lists mixed with numbers", """
            name: t
            workloads:
              - {model: mlp, hidden: [[64], 128]}
            steps: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:3:26: workload mlp: hidden mixes lists and numbers; write one"
            + " value as [64, 64] or several as [[64], [64, 64]]"),
        Arguments.of("zero width layer", """
            name: t
            workloads:
              - {model: mlp, hidden: [[64], [0]]}
            steps: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:3:34: workload mlp: hidden entries must be >= 1, got 0"),
        Arguments.of("empty inner list", """
            name: t
            workloads:
              - {model: mlp, hidden: [[]]}
            steps: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:3:27: workload mlp: empty list for hidden: give at least one"
            + " value"),
        Arguments.of("classes below 2", """
            name: t
            workloads:
              - {model: mlp, classes: 1}
            steps: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:3:27: workload mlp: classes must be >= 2, got 1"),

        // --- the optimizers torch.optim added to the registry
        Arguments.of("nadam: unknown hyperparameter, near miss", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: nadam, momentum_decy: 0.01}
            """, "experiments/x.yaml:6:21: optimizer nadam: unknown hyperparameter 'momentum_decy'; known: lr, beta1, beta2, eps, weight_decay, momentum_decay, decoupled_weight_decay (did you mean 'momentum_decay'?)"),
        Arguments.of("adadelta: rho above 1", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: adadelta, rho: 1.5}
            """, "experiments/x.yaml:6:29: optimizer adadelta: rho must be in [0, 1], got 1.5"),
        Arguments.of("adadelta: rho below 0", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: adadelta, rho: -0.1}
            """, "experiments/x.yaml:6:29: optimizer adadelta: rho must be in [0, 1], got -0.1"),
        Arguments.of("rprop: eta_minus of 1", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: rprop, eta_minus: 1.0}
            """, "experiments/x.yaml:6:32: optimizer rprop: eta_minus must be in (0, 1), got 1.0"),
        Arguments.of("rprop: eta_plus of 1", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: rprop, eta_plus: 1}
            """, "experiments/x.yaml:6:31: optimizer rprop: eta_plus must be > 1, got 1"),
        Arguments.of("rprop: step_size_min above step_size_max", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: rprop, step_size_min: 1.0, step_size_max: 0.5}
            """, "experiments/x.yaml:6:36: optimizer rprop: step_size_min must be <= step_size_max (the step sizes are clamped between them), got step_size_min 1.0 and step_size_max 0.5"),
        Arguments.of("asgd: negative lambd", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: asgd, lambd: -0.1}
            """, "experiments/x.yaml:6:27: optimizer asgd: lambd must be >= 0, got -0.1"),

        // --- cross-field rules
        Arguments.of("nesterov without momentum", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: sgd, lr: 0.1, nesterov: true}
            """, "experiments/x.yaml:6:38: optimizer sgd: nesterov: true needs momentum > 0 and"
            + " dampening = 0, got momentum 0.0 and dampening 0.0"),
        Arguments.of("nesterov with dampening", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: sgd, momentum: 0.9, dampening: 0.1, nesterov: true}
            """, "experiments/x.yaml:6:60: optimizer sgd: nesterov: true needs momentum > 0 and"
            + " dampening = 0, got momentum 0.9 and dampening 0.1"),
        Arguments.of("nesterov with one momentum of a list at zero", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - name: sgd
                  momentum: [0.9, 0.0]
                  nesterov: [false, true]
            """, "experiments/x.yaml:8:25: optimizer sgd: nesterov: true needs momentum > 0 and"
            + " dampening = 0, got momentum 0.0 and dampening 0.0"),
        Arguments.of("adafactor lr with the relative step", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: adafactor, lr: 0.01}
            """, "experiments/x.yaml:6:29: optimizer adafactor: lr 0.01 cannot be combined with"
            + " relative_step: true (the step size is then min(1e-2, 1/√t)); set relative_step:"
            + " false or drop lr"),
        Arguments.of("adafactor without any step size", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: adafactor, relative_step: false}
            """, "experiments/x.yaml:6:40: optimizer adafactor: relative_step: false needs an lr"
            + " (there is no other step size); give lr, e.g. 1e-3"),
        Arguments.of("adafactor warmup_init without the relative step", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: adafactor, lr: 0.01, relative_step: false, warmup_init: true}
            """, "experiments/x.yaml:6:70: optimizer adafactor: warmup_init: true needs"
            + " relative_step: true (it changes the relative step)"),
        Arguments.of("loss_feedback bounds crossed", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer: [adam]
              clip: [{name: loss_feedback, min_norm: 5, max_norm: 2}]
            """, "experiments/x.yaml:6:42: clip loss_feedback: min_norm must be <= max_norm (they"
            + " bound the threshold), got min_norm 5.0 and max_norm 2.0"),
        Arguments.of("warm-up longer than the decay", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer: [adam]
              schedule: [{name: warmup_cosine, warmup_steps: 5, total_steps: 5}]
            """, "experiments/x.yaml:6:66: schedule warmup_cosine: total_steps must exceed"
            + " warmup_steps (the decay runs between them), got total_steps 5 and warmup_steps 5"),
        Arguments.of("warm-up longer than the run", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer: [adam]
              schedule: [warmup_linear]
            """, "experiments/x.yaml:3:8: steps (10) must exceed warmup_steps of schedule"
            + " warmup_linear (100), whose decay ends at the last step; lower warmup_steps or set"
            + " total_steps"),

        // --- presets
        Arguments.of("unknown preset", """
            name: t
            workloads: [mlp]
            steps: 1000
            grid:
              optimizer: [{preset: gpt2}]
            """, "experiments/x.yaml:5:24: unknown preset 'gpt2'; known: gpt3 (did you mean"
            + " 'gpt3'?)"),
        Arguments.of("preset with a key none of its components has", """
            name: t
            workloads: [mlp]
            steps: 1000
            grid:
              optimizer: [{preset: gpt3, momentum: 0.9}]
            """, "experiments/x.yaml:5:30: preset gpt3: unknown hyperparameter 'momentum'; known:"
            + " lr, beta1, beta2, eps, weight_decay, amsgrad, impl, max_norm, warmup_steps,"
            + " total_steps, final_factor"),
        Arguments.of("preset and name together", """
            name: t
            workloads: [mlp]
            steps: 1000
            grid:
              optimizer: [{preset: gpt3, name: adamw}]
            """, "experiments/x.yaml:5:30: preset gpt3: unknown hyperparameter 'name'; known:"
            + " lr, beta1, beta2, eps, weight_decay, amsgrad, impl, max_norm, warmup_steps,"
            + " total_steps, final_factor"),
        Arguments.of("preset override out of range", """
            name: t
            workloads: [mlp]
            steps: 1000
            grid:
              optimizer: [{preset: gpt3, max_norm: -1}]
            """, "experiments/x.yaml:5:40: preset gpt3: max_norm must be > 0, got -1"),
        Arguments.of("preset override breaks a cross-parameter rule", """
            name: t
            workloads: [mlp]
            steps: 1000
            grid:
              optimizer: [{preset: gpt3, warmup_steps: 300, total_steps: 200}]
            """, "experiments/x.yaml:5:62: preset gpt3: total_steps must exceed warmup_steps (the"
            + " decay runs between them), got total_steps 200 and warmup_steps 300"),
        Arguments.of("preset warm-up longer than the run", """
            name: t
            workloads: [mlp]
            steps: 50
            grid:
              optimizer: [{preset: gpt3}]
            """, "experiments/x.yaml:3:8: steps (50) must exceed warmup_steps of schedule"
            + " warmup_cosine (100), whose decay ends at the last step; lower warmup_steps or set"
            + " total_steps"),
        Arguments.of("clip axis with only presets", """
            name: t
            workloads: [mlp]
            steps: 1000
            grid:
              optimizer: [{preset: gpt3}]
              clip: [none]
            """, "experiments/x.yaml:6:3: grid.clip applies to no optimizer: every grid.optimizer"
            + " entry is a preset, which brings its own clip and schedule; remove grid.clip or"
            + " override the preset's values in its entry"),
        Arguments.of("preset repeats a cell of the axes", """
            name: t
            workloads: [mlp]
            steps: 1000
            grid:
              optimizer:
                - {name: adamw, lr: 6e-4, beta2: 0.95, weight_decay: 0.1}
                - {preset: gpt3}
              clip: [global_norm]
              schedule: [warmup_cosine]
            """, "experiments/x.yaml:7:7: grid.optimizer: preset gpt3 gives the cell"
            + " adamw(lr=6.0E-4,beta2=0.95,weight_decay=0.1) · global_norm · warmup_cosine,"
            + " which the grid's axes already make; remove one"),
        Arguments.of("same preset point twice", """
            name: t
            workloads: [mlp]
            steps: 1000
            grid:
              optimizer: [{preset: gpt3}, {preset: gpt3, lr: 6e-4}]
            """, "experiments/x.yaml:5:31: grid.optimizer gives gpt3:"
            + " adamw(lr=6.0E-4,beta2=0.95,weight_decay=0.1) · global_norm · warmup_cosine twice"
            + " (first at line 5); remove one"),

        // --- duplicate grid points
        Arguments.of("same optimizer twice", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer: [adam, adam]
            """, "experiments/x.yaml:5:21: grid.optimizer gives adam(lr=0.001) twice"
            + " (first at line 5); remove one"),
        Arguments.of("same point from a list and a default", """
            name: t
            workloads: [mlp]
            steps: 10
            grid:
              optimizer:
                - {name: sgd, lr: 0.1}
                - {name: sgd, lr: [0.01, 0.1]}
            """, "experiments/x.yaml:7:7: grid.optimizer gives sgd(lr=0.1) twice"
            + " (first at line 6); remove one"),
        Arguments.of("bare word equal to its defaults", """
            name: t
            workloads:
              - mlp
              - {model: mlp, hidden: [64]}
            steps: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:4:5: workloads gives mlp twice (first at line 3); remove one"),

        // --- workload rules a run would otherwise break on
        Arguments.of("batch larger than the training set", """
            name: t
            workloads: [{model: mlp, batch_size: 500, train_size: 100}]
            steps: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:2:38: workload mlp: batch_size must be <= train_size (each"
            + " step draws its batch from the training examples), got batch_size 500 and"
            + " train_size 100"),
        Arguments.of("five convolutions on 28 pixels", """
            name: t
            workloads: [{model: fmnist_cnn, channels: [2, 2, 2, 2, 2]}]
            steps: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:2:43: workload fmnist_cnn: channels lists 5 convolutions,"
            + " but each halves the 28×28 image (2×2 pooling), which leaves nothing after the"
            + " fifth; give at most 4"),
        Arguments.of("sample of two billion characters", """
            name: t
            workloads: [{model: char_rnn, sample_length: 2000000000}]
            steps: 10
            grid: {optimizer: [adam]}
            """, "experiments/x.yaml:2:46: workload char_rnn: sample_length must be in [0, 10000],"
            + " got 2000000000"));
  }
}
