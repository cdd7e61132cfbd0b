package org.optbench.fuzz;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Malformed experiment specs, each a small edit of one valid spec ({@link #BASE}) or a file that
 * is not a spec at all. Every case must be refused by {@code validate} and by {@code run} before
 * anything is trained or written.
 */
public final class BadSpecs {

  /** A valid spec of one 4-step cell; every textual case breaks exactly one thing in it. */
  public static final String BASE =
      """
      name: fuzz
      description: one cell
      workloads:
        - {model: linear_regression, features: 4, batch_size: 8, train_size: 64, eval_size: 16}
      steps: 4
      eval_every: 2
      seeds: [0]
      grid:
        optimizer:
          - {name: sgd, lr: 0.1}
      """;

  private static final String WORKLOAD =
      "{model: linear_regression, features: 4, batch_size: 8, train_size: 64, eval_size: 16}";
  private static final String OPTIMIZER = "{name: sgd, lr: 0.1}";

  private final List<FuzzCase> cases = new ArrayList<>();

  private BadSpecs() {}

  /** Every case, in a fixed order. */
  public static List<FuzzCase> all() {
    BadSpecs specs = new BadSpecs();
    specs.files();
    specs.syntax();
    specs.tags();
    specs.names();
    specs.counts();
    specs.workloads();
    specs.data();
    specs.sizes();
    specs.optimizers();
    specs.otherAxes();
    specs.claims();
    specs.tuning();
    return List.copyOf(specs.cases);
  }

  private void files() {
    String c = "file";
    add(c, "missing", scratch -> scratch.resolve("no-such-spec.yaml"));
    add(c, "directory", scratch -> Files.createDirectories(scratch.resolve("spec.yaml")));
    text(c, "empty", "");
    text(c, "blank", "   \n\n  \n");
    text(c, "comment-only", "# nothing here\n");
    add(c, "binary", scratch -> {
      byte[] bytes = new byte[4096];
      new Random(7).nextBytes(bytes);
      return Files.write(scratch.resolve("spec.yaml"), bytes);
    });
    add(c, "nul-bytes", scratch ->
        Files.write(scratch.resolve("spec.yaml"), BASE.replace("fuzz", "fu\0zz").getBytes(StandardCharsets.UTF_8)));
    add(c, "utf16", scratch ->
        Files.write(scratch.resolve("spec.yaml"), ("\uFEFF" + BASE).getBytes(StandardCharsets.UTF_16)));
    add(c, "fifo", scratch -> SpecialFiles.fifo(scratch.resolve("spec.yaml")));
    add(c, "dev-zero", scratch -> SpecialFiles.device("zero", scratch));
    add(c, "dev-urandom", scratch -> SpecialFiles.device("urandom", scratch));
    text(c, "4mb-description", BASE.replace("one cell", "x".repeat(4 << 20)));
    text(c, "2mb-comment", "#" + "y".repeat(2 << 20) + "\n" + BASE);
    text(c, "top-level-list", "- " + BASE.replace("\n", "\n  "));
    text(c, "top-level-scalar", "just a sentence\n");
    text(c, "top-level-null", "~\n");
    text(c, "two-documents", BASE + "---\n" + BASE);
  }

  private void syntax() {
    String c = "syntax";
    text(c, "unclosed-bracket", BASE.replace("seeds: [0]", "seeds: [0, 1"));
    text(c, "unclosed-brace", BASE.replace(OPTIMIZER, "{name: sgd, lr: 0.1"));
    text(c, "unclosed-quote", BASE.replace("one cell", "\"one cell"));
    text(c, "tab-indent", BASE.replace("  optimizer:", "\toptimizer:"));
    text(c, "bad-indent", BASE.replace("    - {name: sgd", " - {name: sgd"));
    text(c, "duplicate-top-key", BASE + "steps: 8\n");
    text(c, "duplicate-inner-key", BASE.replace(OPTIMIZER, "{name: sgd, lr: 0.1, lr: 0.2}"));
    text(c, "undefined-alias", BASE.replace("steps: 4", "steps: *nowhere"));
    text(c, "alias-bomb",
        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
            + "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
            + BASE);
    text(c, "deep-nesting", BASE.replace("description: one cell",
        "description: " + "[".repeat(20_000) + "]".repeat(20_000)));
    text(c, "merge-key-scalar", BASE.replace(OPTIMIZER, "{<<: 3, name: sgd, lr: 0.1}"));
    text(c, "key-without-value", BASE.replace("steps: 4", "steps:"));
    text(c, "misspelled-key", BASE.replace("steps: 4", "step: 4"));
    text(c, "unknown-top-key", BASE + "epochs: 3\n");
    text(c, "map-as-key", BASE + "{a: 1}: 2\n");
    text(c, "control-char", BASE.replace("one cell", "one\u0007cell"));
  }

  private void tags() {
    String c = "tags";
    text(c, "int-tag-on-text", BASE.replace("steps: 4", "steps: !!int abc"));
    text(c, "float-tag-on-text", BASE.replace("lr: 0.1", "lr: !!float fast"));
    text(c, "float-tag-on-steps", BASE.replace("steps: 4", "steps: !!float 4.5"));
    text(c, "str-tag-on-lr", BASE.replace("lr: 0.1", "lr: !!str 0.1"));
    text(c, "binary-name", BASE.replace("name: fuzz", "name: !!binary aGVsbG8="));
    text(c, "timestamp-steps", BASE.replace("steps: 4", "steps: !!timestamp 2001-12-14"));
    text(c, "set-seeds", BASE.replace("seeds: [0]", "seeds: !!set {0, 1}"));
    text(c, "python-object", BASE.replace("name: fuzz", "name: !!python/object:os.system x"));
    text(c, "custom-tag", BASE.replace("steps: 4", "steps: !custom 4"));
    text(c, "null-tag-steps", BASE.replace("steps: 4", "steps: !!null"));
    text(c, "bool-tag-steps", BASE.replace("steps: 4", "steps: !!bool true"));
    text(c, "map-tag-seeds", BASE.replace("seeds: [0]", "seeds: !!map {a: 1}"));
    text(c, "java-class-tag", BASE.replace("name: fuzz", "name: !!java.io.File /etc/passwd"));
  }

  private void names() {
    String c = "name";
    text(c, "missing", BASE.replace("name: fuzz\n", ""));
    text(c, "empty", BASE.replace("name: fuzz", "name: ''"));
    text(c, "null", BASE.replace("name: fuzz", "name: ~"));
    text(c, "101-chars", BASE.replace("name: fuzz", "name: " + "n".repeat(101)));
    text(c, "240-chars", BASE.replace("name: fuzz", "name: " + "n".repeat(240)));
    text(c, "255-chars", BASE.replace("name: fuzz", "name: " + "n".repeat(255)));
    text(c, "slash", BASE.replace("name: fuzz", "name: a/b"));
    text(c, "parent", BASE.replace("name: fuzz", "name: '..'"));
    text(c, "parent-prefix", BASE.replace("name: fuzz", "name: ../victim"));
    text(c, "absolute", BASE.replace("name: fuzz", "name: /tmp/victim"));
    text(c, "hidden", BASE.replace("name: fuzz", "name: .hidden"));
    text(c, "space", BASE.replace("name: fuzz", "name: 'a b'"));
    text(c, "backslash", BASE.replace("name: fuzz", "name: 'a\\b'"));
    text(c, "list", BASE.replace("name: fuzz", "name: [a, b]"));
  }

  private void counts() {
    String c = "counts";
    text(c, "steps-missing", BASE.replace("steps: 4\n", ""));
    text(c, "steps-zero", BASE.replace("steps: 4", "steps: 0"));
    text(c, "steps-negative", BASE.replace("steps: 4", "steps: -1"));
    text(c, "steps-fraction", BASE.replace("steps: 4", "steps: 1.5"));
    text(c, "steps-text", BASE.replace("steps: 4", "steps: abc"));
    text(c, "steps-1e12", BASE.replace("steps: 4", "steps: 1000000000000"));
    text(c, "steps-int-overflow", BASE.replace("steps: 4", "steps: 2147483648"));
    text(c, "steps-long-overflow", BASE.replace("steps: 4", "steps: 99999999999999999999"));
    text(c, "steps-infinite", BASE.replace("steps: 4", "steps: .inf"));
    text(c, "steps-nan", BASE.replace("steps: 4", "steps: .nan"));
    text(c, "steps-bool", BASE.replace("steps: 4", "steps: true"));
    text(c, "steps-list", BASE.replace("steps: 4", "steps: [4]"));
    text(c, "eval-every-zero", BASE.replace("eval_every: 2", "eval_every: 0"));
    text(c, "eval-every-negative", BASE.replace("eval_every: 2", "eval_every: -2"));
    text(c, "eval-every-text", BASE.replace("eval_every: 2", "eval_every: often"));
    text(c, "eval-every-beyond-steps", BASE.replace("eval_every: 2", "eval_every: 5"));
    text(c, "seeds-empty", BASE.replace("seeds: [0]", "seeds: []"));
    text(c, "seeds-negative", BASE.replace("seeds: [0]", "seeds: [-1]"));
    text(c, "seeds-text", BASE.replace("seeds: [0]", "seeds: [abc]"));
    text(c, "seeds-fraction", BASE.replace("seeds: [0]", "seeds: [1.5]"));
    text(c, "seeds-huge", BASE.replace("seeds: [0]", "seeds: [1e30]"));
    text(c, "seeds-long-overflow", BASE.replace("seeds: [0]", "seeds: [99999999999999999999]"));
    text(c, "seeds-duplicate", BASE.replace("seeds: [0]", "seeds: [0, 0]"));
    text(c, "seeds-map", BASE.replace("seeds: [0]", "seeds: {a: 0}"));
    text(c, "seeds-100k", BASE.replace("seeds: [0]", "seeds: " + range(100_000)));
  }

  private void workloads() {
    String c = "workload";
    text(c, "missing", BASE.replace("workloads:\n  - " + WORKLOAD + "\n", ""));
    text(c, "empty-list", BASE.replace("workloads:\n  - " + WORKLOAD, "workloads: []"));
    text(c, "scalar", BASE.replace("workloads:\n  - " + WORKLOAD, "workloads: mlp"));
    text(c, "model-missing", workload("{features: 4}"));
    text(c, "model-unknown", workload("{model: resnet9000}"));
    text(c, "model-null", workload("{model: ~}"));
    text(c, "unknown-key", workload("{model: linear_regression, featurs: 4}"));
    text(c, "dataset-unknown", workload("{model: linear_regression, dataset: imagenet}"));
    text(c, "features-zero", workload("{model: linear_regression, features: 0}"));
    text(c, "features-negative", workload("{model: linear_regression, features: -3}"));
    text(c, "features-text", workload("{model: linear_regression, features: many}"));
    text(c, "batch-zero", workload("{model: linear_regression, batch_size: 0}"));
    text(c, "batch-over-train", workload("{model: linear_regression, batch_size: 128, train_size: 64}"));
    text(c, "train-zero", workload("{model: linear_regression, train_size: 0}"));
    text(c, "eval-zero", workload("{model: linear_regression, eval_size: 0}"));
    text(c, "noise-negative", workload("{model: linear_regression, noise: -1}"));
    text(c, "noise-nan", workload("{model: linear_regression, noise: .nan}"));
    text(c, "mlp-hidden-empty", workload("{model: mlp, hidden: []}"));
    text(c, "mlp-hidden-zero", workload("{model: mlp, hidden: [0]}"));
    text(c, "mlp-hidden-negative", workload("{model: mlp, hidden: [-1]}"));
    text(c, "mlp-hidden-text", workload("{model: mlp, hidden: abc}"));
    text(c, "mlp-hidden-nested-text", workload("{model: mlp, hidden: [[64], [abc]]}"));
    text(c, "mlp-classes-one", workload("{model: mlp, classes: 1}"));
    text(c, "mlp-spread-zero", workload("{model: mlp, spread: 0}"));
    text(c, "rosenbrock-dim-one", workload("{model: rosenbrock, dim: 1}"));
    text(c, "quadratic-condition-below-one", workload("{model: quadratic, condition: 0.5}"));
    text(c, "quadratic-bounds-crossed", workload("{model: quadratic, lower: 1, upper: -1}"));
    text(c, "online-period-zero", workload("{model: online_convex, period: 0}"));
    text(c, "gpt-heads-not-dividing", workload("{model: tiny_gpt, d_model: 30, heads: 4}"));
    text(c, "gpt-seq-zero", workload("{model: tiny_gpt, seq_len: 0}"));
    text(c, "rnn-layers-three", workload("{model: char_rnn, layers: 3}"));
    text(c, "rnn-cell-unknown", workload("{model: char_rnn, cell: transformer}"));
    text(c, "rnn-eval-fraction-one", workload("{model: char_rnn, eval_fraction: 1.0}"));
    text(c, "rnn-temperature-zero", workload("{model: char_rnn, temperature: 0}"));
    text(c, "fmnist-size-unknown", workload("{model: fmnist_mlp, size: huge}"));
    text(c, "fmnist-train-70000", workload("{model: fmnist_logreg, train_size: 70000}"));
    text(c, "fmnist-dropout-one", workload("{model: fmnist_mlp, dropout: 1.0}"));
    text(c, "cnn-kernel-zero", workload("{model: fmnist_cnn, kernel: 0}"));
  }

  /** Data files that exist but cannot serve: empty or binary corpora, damaged IDX files. */
  private void data() {
    String c = "data";
    add(c, "corpus-missing", scratch -> spec(scratch,
        workload("{model: char_rnn, corpus: " + scratch.resolve("none.txt") + "}")));
    add(c, "corpus-empty", scratch -> spec(scratch, workload("{model: char_rnn, corpus: "
        + Files.writeString(scratch.resolve("empty.txt"), "") + "}")));
    add(c, "corpus-too-short", scratch -> spec(scratch, workload("{model: char_rnn, seq_len: 64, corpus: "
        + Files.writeString(scratch.resolve("short.txt"), "It is a truth.") + "}")));
    add(c, "corpus-directory", scratch -> spec(scratch, workload("{model: char_rnn, corpus: "
        + Files.createDirectories(scratch.resolve("corpus")) + "}")));
    add(c, "corpus-fifo", scratch -> spec(scratch, workload("{model: char_rnn, corpus: "
        + SpecialFiles.fifo(scratch.resolve("corpus.txt")) + "}")));
    add(c, "corpus-dev-zero", scratch -> spec(scratch, workload("{model: tiny_gpt, corpus: "
        + SpecialFiles.device("zero", scratch) + "}")));
    add(c, "corpus-not-utf8", scratch -> {
      byte[] bytes = new byte[20_000];
      new Random(3).nextBytes(bytes);
      return spec(scratch, workload("{model: char_rnn, corpus: "
          + Files.write(scratch.resolve("binary.txt"), bytes) + "}"));
    });
    add(c, "idx-missing-folder", scratch -> spec(scratch,
        workload("{model: fmnist_logreg, data_dir: " + scratch.resolve("nowhere") + "}")));
    for (IdxDamage damage : IdxDamage.values()) {
      add(c, "idx-" + damage.slug(), scratch -> spec(scratch,
          workload("{model: fmnist_logreg, data_dir: " + damage.write(scratch.resolve("fmnist")) + "}")));
    }
  }

  private void sizes() {
    String c = "size";
    text(c, "train-2e9", workload("{model: linear_regression, train_size: 2000000000}"));
    text(c, "features-2e9", workload("{model: linear_regression, features: 2000000000}"));
    text(c, "mlp-hidden-1e9", workload("{model: mlp, hidden: [1000000000]}"));
    text(c, "mlp-hidden-wide-deep", workload("{model: mlp, hidden: [60000, 60000, 60000]}"));
    text(c, "quadratic-dim-2e9", workload("{model: quadratic, dim: 2000000000}"));
    text(c, "gpt-d-model-huge", workload("{model: tiny_gpt, d_model: 65536, heads: 1}"));
    text(c, "gpt-seq-huge", workload("{model: tiny_gpt, seq_len: 1000000000}"));
    text(c, "rnn-hidden-huge", workload("{model: char_rnn, hidden: 1000000}"));
    text(c, "eval-windows-huge", workload("{model: char_rnn, eval_windows: 2000000000}"));
    text(c, "cells-1e9", BASE.replace("lr: 0.1", "lr: " + numbers(1000))
        .replace("seeds: [0]", "seeds: " + range(1000)) + "  clip:\n    - {name: global_norm, max_norm: "
        + numbers(1000) + "}\n");
    text(c, "cells-1e12", BASE.replace("lr: 0.1", "lr: " + numbers(10_000))
        .replace("seeds: [0]", "seeds: " + range(10_000)) + "  clip:\n    - {name: global_norm, max_norm: "
        + numbers(10_000) + "}\n");
    text(c, "cells-alias-6m",
        BASE.replace(WORKLOAD, "{model: linear_regression, features: &f " + range(1, 27) + "}")
            .replace("lr: 0.1", "lr: &l [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]")
            .replace("seeds: [0]", "seeds: &s " + range(0, 60))
            + "  clip:\n    - {name: global_norm, max_norm: *l}\n    - {name: value, max_value: *l}\n"
            + "  schedule:\n    - {name: warmup_cosine, warmup_steps: 1, final_factor: *l}\n"
            + "    - {name: exponential, gamma: *l}\n");
  }

  private void optimizers() {
    String c = "optimizer";
    text(c, "grid-missing", BASE.replace("grid:\n  optimizer:\n    - " + OPTIMIZER + "\n", ""));
    text(c, "grid-empty", BASE.replace("grid:\n  optimizer:\n    - " + OPTIMIZER, "grid: {}"));
    text(c, "axis-scalar", BASE.replace("optimizer:\n    - " + OPTIMIZER, "optimizer: sgd"));
    text(c, "axis-empty", BASE.replace("optimizer:\n    - " + OPTIMIZER, "optimizer: []"));
    text(c, "unknown", optimizer("{name: adma, lr: 0.1}"));
    text(c, "name-missing", optimizer("{lr: 0.1}"));
    text(c, "lr-zero", optimizer("{name: sgd, lr: 0}"));
    text(c, "lr-negative", optimizer("{name: sgd, lr: -0.1}"));
    text(c, "lr-text", optimizer("{name: sgd, lr: fast}"));
    text(c, "lr-nan", optimizer("{name: sgd, lr: .nan}"));
    text(c, "lr-infinite", optimizer("{name: sgd, lr: .inf}"));
    text(c, "lr-empty-list", optimizer("{name: sgd, lr: []}"));
    text(c, "lr-nested-list", optimizer("{name: sgd, lr: [[0.1]]}"));
    text(c, "lr-map", optimizer("{name: sgd, lr: {a: 1}}"));
    text(c, "beta1-one", optimizer("{name: adam, beta1: 1.0}"));
    text(c, "beta2-negative", optimizer("{name: adam, beta2: -0.1}"));
    text(c, "eps-zero", optimizer("{name: adam, eps: 0}"));
    text(c, "momentum-negative", optimizer("{name: sgd, momentum: -0.9}"));
    text(c, "nesterov-without-momentum", optimizer("{name: sgd, nesterov: true}"));
    text(c, "nesterov-text", optimizer("{name: sgd, momentum: 0.9, nesterov: maybe}"));
    text(c, "unknown-hyperparameter", optimizer("{name: adam, betas: [0.9, 0.99]}"));
    text(c, "impl-unknown", optimizer("{name: adam, impl: cuda}"));
    text(c, "weight-decay-negative", optimizer("{name: adamw, weight_decay: -0.01}"));
    text(c, "preset-unknown", optimizer("{preset: gpt5}"));
  }

  private void otherAxes() {
    String c = "axis";
    text(c, "clip-unknown", BASE + "  clip: [{name: clamp_all}]\n");
    text(c, "clip-max-norm-zero", BASE + "  clip: [{name: global_norm, max_norm: 0}]\n");
    text(c, "clip-max-norm-negative", BASE + "  clip: [{name: global_norm, max_norm: -1}]\n");
    text(c, "clip-max-norm-text", BASE + "  clip: [{name: global_norm, max_norm: big}]\n");
    text(c, "clip-scalar", BASE + "  clip: global_norm\n");
    text(c, "schedule-unknown", BASE + "  schedule: [{name: cosine_restarts}]\n");
    text(c, "schedule-bad-parameter", BASE + "  schedule: [{name: warmup_cosine, warmup_steps: -5}]\n");
    text(c, "unknown-axis", BASE + "  batch: [1, 2]\n");
    text(c, "engine-unknown", BASE + "engines: [tensorflow]\n");
    text(c, "engines-empty", BASE + "engines: []\n");
    text(c, "engine-duplicate", BASE + "engines: [djl, djl]\n");
    text(c, "builtin-on-native", BASE.replace(OPTIMIZER, "{name: adam, impl: djl_builtin}")
        + "engines: [native]\n");
    text(c, "crosscheck-unknown", BASE + "crosscheck: always\n");
    text(c, "regression-unknown-metric", BASE + "regression:\n  final_los: {rtol: 0.1}\n");
    text(c, "regression-negative-tolerance", BASE + "regression:\n  final_loss: {rtol: -0.1}\n");
    text(c, "regression-scalar", BASE + "regression: strict\n");
  }

  private void claims() {
    String c = "claim";
    String grid = BASE.replace(OPTIMIZER, "{name: sgd, lr: 0.1}\n    - {name: adam, lr: 0.01}");
    text(c, "not-a-list", grid + "expect: adam wins\n");
    text(c, "check-missing", grid + "expect:\n  - claim: adam wins\n");
    text(c, "check-syntax", grid + claim("median(final_loss | optimizer=adam) <<< 3"));
    text(c, "check-unclosed", grid + claim("median(final_loss | optimizer=adam"));
    text(c, "unknown-metric", grid + claim("median(final_lost | optimizer=adam) < 1"));
    text(c, "unknown-aggregate", grid + claim("mode(final_loss | optimizer=adam) < 1"));
    text(c, "unknown-filter-key", grid + claim("median(final_loss | optimiser=adam) < 1"));
    text(c, "filter-value-absent", grid
        + claim("median(final_loss | optimizer=adam) < median(final_loss | optimizer=adma)"));
    text(c, "filter-lr-absent", grid
        + claim("median(final_loss | optimizer=sgd, lr=0.5) < median(final_loss | optimizer=adam)"));
    text(c, "claim-text-empty", grid + "expect:\n  - claim: ''\n    check: median(final_loss) < 1\n");
    text(c, "unknown-claim-key", grid + "expect:\n  - claim: x\n    check: median(final_loss) < 1\n"
        + "    confidence: 0.95\n");
  }

  /** The tuning protocol, tune blocks and targets: ranges, budgets, names and their shapes. */
  private void tuning() {
    String c = "tuning";
    String tuned = "{name: sgd, tune: {lr: {log: [0.001, 0.1]}}}";
    String protocol = "tuning: {trials: 2}\n";
    text(c, "range-empty", optimizer("{name: sgd, tune: {lr: {log: [0.1, 0.1]}}}") + protocol);
    text(c, "range-inverted", optimizer("{name: sgd, tune: {lr: {linear: [0.5, 0.1]}}}") + protocol);
    text(c, "log-range-zero", optimizer("{name: sgd, tune: {lr: {log: [0, 0.1]}}}") + protocol);
    text(c, "log-range-negative", optimizer("{name: sgd, tune: {lr: {log: [-1, 0.1]}}}") + protocol);
    text(c, "range-one-bound", optimizer("{name: sgd, tune: {lr: {log: [0.1]}}}") + protocol);
    text(c, "range-not-a-list", optimizer("{name: sgd, tune: {lr: {log: 0.1}}}") + protocol);
    text(c, "range-two-forms", optimizer("{name: sgd, tune: {lr: {log: [0.01, 0.1], linear: [0, 1]}}}")
        + protocol);
    text(c, "range-nan", optimizer("{name: sgd, tune: {lr: {linear: [.nan, 0.1]}}}") + protocol);
    text(c, "range-infinite", optimizer("{name: sgd, tune: {lr: {log: [0.001, .inf]}}}") + protocol);
    text(c, "choice-empty", optimizer("{name: sgd, momentum: 0.9, tune: {nesterov: {choice: []}}}")
        + protocol);
    text(c, "choice-wrong-type", optimizer("{name: sgd, momentum: 0.9, tune: {nesterov: {choice: [1, 2]}}}")
        + protocol);
    text(c, "tune-empty", optimizer("{name: sgd, tune: {}}") + protocol);
    text(c, "tune-not-a-map", optimizer("{name: sgd, tune: [lr]}") + protocol);
    text(c, "unknown-hyperparameter", optimizer("{name: sgd, tune: {lrr: {log: [0.001, 0.1]}}}")
        + protocol);
    text(c, "tuned-and-set", optimizer("{name: sgd, lr: 0.1, tune: {lr: {log: [0.001, 0.1]}}}")
        + protocol);
    text(c, "no-protocol", optimizer(tuned));
    text(c, "protocol-without-tune", BASE + protocol);
    text(c, "trials-zero", optimizer(tuned) + "tuning: {trials: 0}\n");
    text(c, "trials-negative", optimizer(tuned) + "tuning: {trials: -3}\n");
    text(c, "trials-huge", optimizer(tuned) + "tuning: {trials: 99999999999}\n");
    text(c, "trials-missing", optimizer(tuned) + "tuning: {studies: 2}\n");
    text(c, "studies-zero", optimizer(tuned) + "tuning: {trials: 2, studies: 0}\n");
    text(c, "sampler-unknown", optimizer(tuned) + "tuning: {trials: 2, sampler: sobol}\n");
    text(c, "select-unknown", optimizer(tuned) + "tuning: {trials: 2, select: final_auc}\n");
    text(c, "r-max-one", optimizer(tuned) + "tuning: {trials: 2, r_max: 1}\n");
    text(c, "baseline-untuned", optimizer(tuned) + "tuning: {trials: 2, baseline: adam}\n");
    text(c, "target-metric-unknown", optimizer(tuned)
        + "tuning: {trials: 2, target: {metric: eval_acc, value: 0.9}}\n");
    text(c, "target-value-and-from", optimizer(tuned)
        + "tuning: {trials: 2, target: {metric: eval_loss, value: 0.9, from: sgd}}\n");
    text(c, "target-from-untuned", optimizer(tuned)
        + "tuning: {trials: 2, target: {metric: eval_loss, from: adam}}\n");
    text(c, "target-within-zero", optimizer(tuned)
        + "tuning: {trials: 2, target: {metric: eval_loss, from: sgd, within: 0}}\n");
    text(c, "workload-target-unknown-metric", BASE.replace(WORKLOAD,
        WORKLOAD.replace("}", ", target: {metric: accuracy, value: 0.9}}")).replace(OPTIMIZER, tuned)
        + protocol);
    text(c, "grid-points-missing", optimizer(tuned) + "tuning: {trials: 2, sampler: grid}\n");
    text(c, "grid-points-mismatch",
        optimizer("{name: sgd, tune: {lr: {log: [0.001, 0.1], points: 3}}}")
            + "tuning: {trials: 2, sampler: grid}\n");
    text(c, "points-without-grid",
        optimizer("{name: sgd, tune: {lr: {log: [0.001, 0.1], points: 3}}}") + protocol);
    // Adafactor keeps its relative step unless told otherwise, which an explicit lr contradicts.
    text(c, "drawn-point-breaks-rule",
        optimizer("{name: adafactor, tune: {lr: {log: [0.001, 0.1]}}}")
            + protocol);
    text(c, "budget-over-run-limit", optimizer(tuned) + "tuning: {trials: 30000}\n");
  }

  private static String claim(String check) {
    return "expect:\n  - claim: the check below\n    check: \"" + check + "\"\n";
  }

  private static String workload(String workload) {
    return BASE.replace(WORKLOAD, workload);
  }

  private static String optimizer(String optimizer) {
    return BASE.replace(OPTIMIZER, optimizer);
  }

  private static String range(int n) {
    return range(0, n - 1);
  }

  private static String range(int first, int last) {
    StringBuilder list = new StringBuilder("[");
    for (int i = first; i <= last; i++) {
      list.append(i == first ? "" : ", ").append(i);
    }
    return list.append(']').toString();
  }

  private static String numbers(int n) {
    StringBuilder list = new StringBuilder("[");
    for (int i = 1; i <= n; i++) {
      list.append(i == 1 ? "" : ", ").append(i * 1e-4);
    }
    return list.append(']').toString();
  }

  private static Path spec(Path scratch, String text) throws java.io.IOException {
    return Files.writeString(scratch.resolve("spec.yaml"), text);
  }

  private void text(String category, String name, String text) {
    if (text.equals(BASE)) {
      throw new IllegalStateException(category + "/" + name + " changes nothing in the base spec");
    }
    add(category, name, scratch -> spec(scratch, text));
  }

  private void add(String category, String name, FuzzCase.Input input) {
    cases.add(new FuzzCase("spec-" + category, name, input));
  }
}
