package org.optbench.workload;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.optbench.dataset.DataPath;
import org.optbench.dataset.DataSplit;
import org.optbench.dataset.IdxImages;
import org.optbench.dataset.ImageFormat;
import org.optbench.dataset.SyntheticBlobs;
import org.optbench.dataset.SyntheticLinear;
import org.optbench.dataset.SyntheticSpirals;
import org.optbench.dataset.TextCorpus;
import org.optbench.dataset.TextSplit;
import org.optbench.spec.Component;
import org.optbench.spec.SaturatingMath;

/**
 * Builds a {@link Workload} from a spec's resolved workload component (presets already applied:
 * the component holds every value that runs).
 */
public final class Workloads {

  /** Fashion-MNIST's image side and classes (Xiao et al. 2017). */
  private static final ImageFormat IMAGES = new ImageFormat(28, 10);

  private Workloads() {}

  /**
   * The workload the component describes; the catalogue guarantees its parameters.
   *
   * @throws org.optbench.dataset.DatasetUnavailableException when a data file is missing or
   *     malformed, or a corpus too short for the sizes asked for (the image files' headers and
   *     labels are checked here, their images read when a run asks for the data)
   */
  public static Workload create(Component spec) {
    return switch (spec.name()) {
      case "linear_regression" -> linearRegression(spec);
      case "mlp" -> mlp(spec);
      case "spirals_mlp" -> spiralsMlp(spec);
      case "quadratic", "rosenbrock", "quartic", "online_convex" -> analytic(spec);
      case "fmnist_logreg" ->
          images(spec, new DenseNetwork(IMAGES.side() * IMAGES.side(), List.of(),
              IMAGES.classes()));
      case "fmnist_mlp" ->
          images(spec, new DenseNetwork(IMAGES.side() * IMAGES.side(), spec.integers("hidden"),
              IMAGES.classes(), spec.number("dropout")));
      case "fmnist_cnn" ->
          images(spec, new ConvNet(IMAGES.side(), IMAGES.side(), spec.integers("channels"),
              spec.integer("kernel"), spec.integers("dense"), IMAGES.classes()));
      case "char_rnn", "tiny_gpt" -> languageModel(spec);
      default -> throw new IllegalArgumentException("no workload called " + spec.name());
    };
  }

  /**
   * The values (floats) a workload's dataset holds for one seed, inputs and targets of both
   * splits, found from the spec without reading or generating any data; a corpus counts its
   * size in bytes, an upper bound of its characters, twice (each window's inputs and targets).
   *
   * @throws org.optbench.dataset.DatasetUnavailableException when a corpus file is missing
   */
  public static long dataValues(Component spec) {
    return switch (spec.name()) {
      case "linear_regression", "mlp" -> examples(spec, spec.integer("features") + 1L);
      case "spirals_mlp" -> examples(spec, 2 + 1);
      case "fmnist_logreg", "fmnist_mlp", "fmnist_cnn" ->
          examples(spec, (long) IMAGES.side() * IMAGES.side() + 1);
      case "char_rnn", "tiny_gpt" ->
          SaturatingMath.multiply(2, TextCorpus.bytes(spec.text("corpus"), "corpus"));
      default -> 0;
    };
  }

  /** Values of both splits at {@code perExample} values (features and label) per example. */
  private static long examples(Component spec, long perExample) {
    long rows = (long) spec.integer("train_size") + spec.integer("eval_size");
    return SaturatingMath.multiply(rows, perExample);
  }

  private static Workload linearRegression(Component spec) {
    int features = spec.integer("features");
    int train = spec.integer("train_size");
    int eval = spec.integer("eval_size");
    double noise = spec.number("noise");
    return new Workload(
        spec.name(),
        new DenseNetwork(features, List.of(), 1),
        LossKind.MEAN_SQUARED_ERROR,
        spec.integer("batch_size"),
        new SeedMemo<>(seed -> SyntheticLinear.generate(features, train, eval, noise, seed)));
  }

  private static Workload mlp(Component spec) {
    int features = spec.integer("features");
    int classes = spec.integer("classes");
    int train = spec.integer("train_size");
    int eval = spec.integer("eval_size");
    double spread = spec.number("spread");
    return new Workload(
        spec.name(),
        new DenseNetwork(features, spec.integers("hidden"), classes),
        LossKind.SOFTMAX_CROSS_ENTROPY,
        spec.integer("batch_size"),
        new SeedMemo<>(seed -> SyntheticBlobs.generate(features, classes, train, eval, spread, seed)));
  }

  private static Workload spiralsMlp(Component spec) {
    int arms = spec.integer("arms");
    int train = spec.integer("train_size");
    int eval = spec.integer("eval_size");
    double noise = spec.number("noise");
    return new Workload(
        spec.name(),
        new DenseNetwork(2, spec.integers("hidden"), arms),
        LossKind.SOFTMAX_CROSS_ENTROPY,
        spec.integer("batch_size"),
        new SeedMemo<>(seed -> SyntheticSpirals.generate(arms, train, eval, noise, seed)));
  }

  private static Workload analytic(Component spec) {
    AnalyticObjective.Kind kind =
        switch (spec.name()) {
          case "quadratic" -> AnalyticObjective.Kind.QUADRATIC;
          case "rosenbrock" -> AnalyticObjective.Kind.ROSENBROCK;
          case "quartic" -> AnalyticObjective.Kind.QUARTIC;
          default -> AnalyticObjective.Kind.ONLINE_LINEAR;
        };
    boolean online = kind == AnalyticObjective.Kind.ONLINE_LINEAR;
    AnalyticObjective objective =
        new AnalyticObjective(
            kind,
            online ? 1 : spec.integer("dim"),
            spec.has("condition") ? spec.number("condition") : 1.0,
            online ? spec.number("c") : 0.0,
            online ? spec.number("rest") : 0.0,
            online ? spec.integer("period") : 1,
            online && spec.flag("stochastic"),
            spec.optionalNumber("lower"),
            spec.optionalNumber("upper"),
            spec.number("x0"),
            spec.has("y0") ? spec.number("y0") : 0.0);
    return new Workload(spec.name(), objective, LossKind.OBJECTIVE, 1, null);
  }

  private static Workload images(Component spec, ModelSpec model) {
    Path dir = DataPath.of(spec.text("data_dir"), "data_dir");
    int train = spec.integer("train_size");
    int eval = spec.integer("eval_size");
    IdxImages.check(dir, IMAGES, train, eval, "data_dir");
    // The images do not depend on the seed: read them once per workload, on first use.
    LongFunction<DataSplit> data = new Memo<>(() -> IdxImages.load(dir, train, eval, "data_dir"));
    return new Workload(
        spec.name(), model, LossKind.SOFTMAX_CROSS_ENTROPY, spec.integer("batch_size"), data);
  }

  private static Workload languageModel(Component spec) {
    TextSplit text = TextSplit.of(TextCorpus.load(spec.text("corpus"), "corpus"),
        spec.number("eval_fraction"));
    int vocabulary = text.vocabulary().size();
    int seqLen = spec.integer("seq_len");
    ModelSpec model =
        spec.name().equals("char_rnn")
            ? new RecurrentLm(
                RecurrentLm.Cell.valueOf(spec.text("cell").toUpperCase(Locale.ROOT)),
                vocabulary,
                spec.integer("embedding"),
                spec.integer("hidden"),
                spec.integer("layers"),
                seqLen)
            : new TransformerLm(
                vocabulary,
                spec.integer("d_model"),
                spec.integer("heads"),
                spec.integer("layers"),
                seqLen,
                spec.flag("tied_head"));
    int evalWindows = spec.integer("eval_windows");
    text.requireWindows(seqLen, spec.integer("batch_size"), evalWindows);
    LongFunction<DataSplit> data = new Memo<>(() -> text.windows(seqLen, evalWindows));
    TextGeneration generation =
        new TextGeneration(
            text.vocabulary(),
            spec.text("prompt"),
            spec.integer("sample_length"),
            spec.number("temperature"));
    return new Workload(
        spec.name(), model, LossKind.TOKEN_CROSS_ENTROPY, spec.integer("batch_size"), data,
        generation);
  }
}
