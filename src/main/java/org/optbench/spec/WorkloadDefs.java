package org.optbench.spec;

import static org.optbench.spec.ParamDef.choice;
import static org.optbench.spec.ParamDef.flag;
import static org.optbench.spec.ParamDef.integer;
import static org.optbench.spec.ParamDef.integers;
import static org.optbench.spec.ParamDef.optionalReal;
import static org.optbench.spec.ParamDef.real;
import static org.optbench.spec.ParamDef.text;

import java.util.List;
import java.util.Map;

/**
 * Workloads: a model, the dataset it trains on, and the data sizes. Keyed by {@code model}; names
 * of real-data problems follow DeepOBS's {@code <dataset>_<model>}. Workloads with a {@code size}
 * parameter default to {@code smoke} (seconds per run on two cores, for tests and CI); {@code
 * full} changes the defaults listed in its preset, and any value a spec gives still wins.
 */
final class WorkloadDefs {

  private WorkloadDefs() {}

  static final ComponentDef LINEAR_REGRESSION =
      new ComponentDef(
          "linear_regression",
          "y = Xw + b + noise fitted by a linear layer with mean squared error",
          "d2l.ai §3.1; Kingma & Ba 2015 §6.1 (convex baseline)",
          List.of(
              choice("dataset", "synthetic_linear", List.of("synthetic_linear"), "data source"),
              integer("features", 10, Range.AT_LEAST_ONE, "input dimension"),
              integer("batch_size", 16, Range.AT_LEAST_ONE, "examples per step"),
              integer("train_size", 1000, Range.AT_LEAST_ONE, "training examples"),
              integer("eval_size", 200, Range.AT_LEAST_ONE, "held-out examples"),
              real("noise", 0.01, Range.NON_NEGATIVE, "standard deviation of label noise")));

  static final ComponentDef MLP =
      new ComponentDef(
          "mlp",
          "multilayer perceptron (ReLU) with a softmax cross-entropy head",
          "Kingma & Ba 2015 §6.2",
          List.of(
              choice("dataset", "synthetic_blobs", List.of("synthetic_blobs"), "data source"),
              integers("hidden", List.of(64), Range.AT_LEAST_ONE, "hidden layer widths"),
              integer("classes", 3, new Range(2, true, Double.POSITIVE_INFINITY, false),
                  "number of classes (blobs)"),
              integer("features", 2, Range.AT_LEAST_ONE, "input dimension"),
              integer("batch_size", 64, Range.AT_LEAST_ONE, "examples per step"),
              integer("train_size", 2000, Range.AT_LEAST_ONE, "training examples"),
              integer("eval_size", 500, Range.AT_LEAST_ONE, "held-out examples"),
              real("spread", 1.0, Range.POSITIVE, "standard deviation of each blob")));

  private static final Range OPEN_UNIT = new Range(0, false, 1, false);
  private static final Range AT_LEAST_TWO = new Range(2, true, Double.POSITIVE_INFINITY, false);
  private static final String FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist";
  /** Fashion-MNIST's image side (Xiao et al. 2017). */
  static final int IMAGE_SIDE = 28;
  private static final String CORPUS = "pride_and_prejudice";
  private static final String PROMPT = "It is a truth universally acknowledged";
  private static final int MAX_SAMPLE_LENGTH = 10_000;

  private static ParamDef size() {
    return choice("size", "smoke", List.of("smoke", "full"),
        "preset for the defaults of the other parameters (smoke: seconds per run; full: studies)");
  }

  private static ParamDef lower(Double value) {
    return optionalReal("lower", value, Range.ANY,
        "project every coordinate onto >= lower after each step; null for no bound");
  }

  private static ParamDef upper(Double value) {
    return optionalReal("upper", value, Range.ANY,
        "project every coordinate onto <= upper after each step; null for no bound");
  }

  static final ComponentDef QUADRATIC =
      new ComponentDef(
          "quadratic",
          "ill-conditioned quadratic ½ Σ λᵢ xᵢ², λ spread geometrically over [1, condition]",
          "Nocedal & Wright 2006 §3.3; optax's parabola tests",
          List.of(
              integer("dim", 10, Range.AT_LEAST_ONE, "number of coordinates"),
              real("condition", 100.0, new Range(1, true, Double.POSITIVE_INFINITY, false),
                  "largest / smallest curvature"),
              real("x0", 1.0, Range.ANY, "start value of every coordinate"),
              lower(null),
              upper(null)));

  static final ComponentDef ROSENBROCK =
      new ComponentDef(
          "rosenbrock",
          "Rosenbrock's banana valley Σ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², minimum 0 at (1, …, 1)",
          "Rosenbrock 1960; scipy.optimize.rosen",
          List.of(
              integer("dim", 2, AT_LEAST_TWO, "number of coordinates"),
              real("x0", -1.2, Range.ANY, "start value of the even coordinates"),
              real("y0", 1.0, Range.ANY, "start value of the odd coordinates"),
              lower(null),
              upper(null)));

  static final ComponentDef QUARTIC =
      new ComponentDef(
          "quartic",
          "f(x) = Σ xᵢ⁴, whose gradient vanishes near the minimum at 0",
          "the worked example of the seed article",
          List.of(
              integer("dim", 1, Range.AT_LEAST_ONE, "number of coordinates"),
              real("x0", 1.0, Range.ANY, "start value of every coordinate"),
              lower(null),
              upper(null)));

  static final ComponentDef ONLINE_CONVEX =
      new ComponentDef(
          "online_convex",
          "online linear losses f_t(x) = c·x once per period, rest·x otherwise, x projected on"
              + " [lower, upper]: Adam's non-convergence example",
          "Reddi, Kale & Kumar 2018, §3 and Fig. 1",
          List.of(
              real("c", 1010.0, Range.ANY, "coefficient of the rare step (C in the paper)"),
              real("rest", -10.0, Range.ANY, "coefficient of the other steps"),
              integer("period", 101, Range.AT_LEAST_ONE,
                  "the rare step is step t with t mod period = 1"),
              flag("stochastic", false,
                  "draw the rare step with probability 1/period instead (the paper's §5)"),
              lower(-1.0),
              upper(1.0),
              real("x0", 1.0, Range.ANY, "start point")));

  static final ComponentDef SPIRALS_MLP =
      new ComponentDef(
          "spirals_mlp",
          "interleaved spirals in the plane classified by a ReLU MLP",
          "Lang & Witbrock 1988; CS231n's spiral data",
          List.of(
              integer("arms", 2, AT_LEAST_TWO, "spiral arms (classes)"),
              integers("hidden", List.of(64, 64), Range.AT_LEAST_ONE, "hidden layer widths"),
              real("noise", 0.2, Range.NON_NEGATIVE, "standard deviation of the angle noise"),
              integer("batch_size", 64, Range.AT_LEAST_ONE, "examples per step"),
              integer("train_size", 2000, Range.AT_LEAST_ONE, "training examples"),
              integer("eval_size", 500, Range.AT_LEAST_ONE, "held-out examples")));

  private static final Map<String, Object> FMNIST_FULL =
      Map.of("train_size", 60000, "eval_size", 10000);

  private static List<ParamDef> fashionMnist(int batchSize, List<ParamDef> model) {
    List<ParamDef> params = new java.util.ArrayList<>();
    params.add(size());
    params.add(text("data_dir", FASHION_MNIST_DIR,
        "folder with the four MNIST-format IDX files (gzipped or not)"));
    params.addAll(model);
    params.add(integer("batch_size", batchSize, Range.AT_LEAST_ONE, "examples per step"));
    params.add(integer("train_size", 6000, new Range(1, true, 60000, true),
        "training images (the first ones of the training file)"));
    params.add(integer("eval_size", 1000, new Range(1, true, 10000, true),
        "held-out images (the first ones of the test file)"));
    return params;
  }

  static final ComponentDef FMNIST_LOGREG =
      new ComponentDef(
          "fmnist_logreg",
          "multinomial logistic regression (softmax) on flattened Fashion-MNIST images",
          "Kingma & Ba 2015 §6.1; Xiao et al. 2017",
          fashionMnist(128, List.of()),
          new Presets("size", Map.of("full", FMNIST_FULL)));

  static final ComponentDef FMNIST_MLP =
      new ComponentDef(
          "fmnist_mlp",
          "ReLU MLP with optional dropout on Fashion-MNIST (full: 2×1000 hidden units)",
          "Kingma & Ba 2015 §6.2; Xiao et al. 2017",
          fashionMnist(128, List.of(
              integers("hidden", List.of(256, 256), Range.AT_LEAST_ONE, "hidden layer widths"),
              real("dropout", 0.0, new Range(0, true, 1, false),
                  "dropout probability after each hidden layer"))),
          new Presets("size", Map.of("full", with(FMNIST_FULL, "hidden", List.of(1000, 1000)))));

  static final ComponentDef FMNIST_CNN =
      new ComponentDef(
          "fmnist_cnn",
          "LeNet-style convnet (conv-ReLU-maxpool ×2, two dense layers) on Fashion-MNIST",
          "LeCun et al. 1998; d2l.ai §7.6; Xiao et al. 2017",
          fashionMnist(64, List.of(
              integers("channels", List.of(6, 16), Range.AT_LEAST_ONE,
                  "output channels per convolution"),
              integer("kernel", 5, Range.AT_LEAST_ONE, "kernel side (odd)"),
              integers("dense", List.of(120, 84), Range.AT_LEAST_ONE,
                  "hidden dense layer widths"))),
          new Presets("size", Map.of("full", with(FMNIST_FULL, "batch_size", 128))));

  private static List<ParamDef> languageModel(List<ParamDef> model) {
    List<ParamDef> params = new java.util.ArrayList<>();
    params.add(size());
    params.add(text("corpus", CORPUS,
        "'" + CORPUS + "' (shipped with optbench) or the path of a UTF-8 text file"));
    params.addAll(model);
    params.add(real("eval_fraction", 0.1, OPEN_UNIT,
        "the corpus's last fraction, held out for evaluation"));
    params.add(integer("eval_windows", 32, Range.AT_LEAST_ONE,
        "held-out sequences per evaluation"));
    params.add(text("prompt", PROMPT, "start of the text sample written at the end"));
    // Each character is one forward pass over the context: 10,000 take minutes, not days.
    params.add(integer("sample_length", 200, new Range(0, true, MAX_SAMPLE_LENGTH, true),
        "characters generated after the prompt"));
    params.add(real("temperature", 0.8, Range.POSITIVE, "sampling temperature"));
    return params;
  }

  static final ComponentDef CHAR_RNN =
      new ComponentDef(
          "char_rnn",
          "character-level LSTM/GRU language model: embedding, recurrent layers, linear head",
          "Karpathy 2015 (char-rnn); Graves 2013",
          languageModel(List.of(
              choice("cell", "lstm", List.of("lstm", "gru"), "recurrent cell"),
              integer("layers", 1, new Range(1, true, 2, true), "recurrent layers"),
              integer("embedding", 32, Range.AT_LEAST_ONE, "embedding width"),
              integer("hidden", 128, Range.AT_LEAST_ONE, "recurrent state width"),
              integer("seq_len", 64, Range.AT_LEAST_ONE, "characters per training sequence"),
              integer("batch_size", 32, Range.AT_LEAST_ONE, "sequences per step"))),
          new Presets("size", Map.of("full", Map.of(
              "layers", 2, "embedding", 64, "hidden", 512, "seq_len", 128, "batch_size", 64,
              "eval_windows", 256, "sample_length", 500))));

  static final ComponentDef TINY_GPT =
      new ComponentDef(
          "tiny_gpt",
          "decoder-only Transformer LM (GPT-2 layout: pre-norm, causal self-attention, GELU MLP)",
          "Radford et al. 2019; Karpathy's nanoGPT",
          languageModel(List.of(
              integer("layers", 2, Range.AT_LEAST_ONE, "Transformer blocks"),
              integer("d_model", 64, Range.AT_LEAST_ONE, "embedding width"),
              integer("heads", 4, Range.AT_LEAST_ONE, "attention heads (divide d_model)"),
              integer("seq_len", 64, Range.AT_LEAST_ONE, "context length"),
              flag("tied_head", true, "reuse the token embedding as the output layer"),
              integer("batch_size", 16, Range.AT_LEAST_ONE, "sequences per step"))),
          new Presets("size", Map.of("full", Map.of(
              "layers", 4, "d_model", 128, "seq_len", 128, "batch_size", 32,
              "eval_windows", 256, "sample_length", 500))));

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>(base);
    copy.put(key, value);
    return copy;
  }

  static final List<ComponentDef> ALL =
      List.of(
          LINEAR_REGRESSION, MLP, SPIRALS_MLP,
          QUADRATIC, ROSENBROCK, QUARTIC, ONLINE_CONVEX,
          FMNIST_LOGREG, FMNIST_MLP, FMNIST_CNN,
          CHAR_RNN, TINY_GPT);
}
