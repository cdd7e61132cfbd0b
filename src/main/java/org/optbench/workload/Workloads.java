package org.optbench.workload;

import java.util.List;
import org.optbench.dataset.SyntheticBlobs;
import org.optbench.dataset.SyntheticLinear;
import org.optbench.spec.Component;

/** Builds a {@link Workload} from a spec's resolved workload component. */
public final class Workloads {

  private Workloads() {}

  /** The workload the component describes; the catalogue guarantees its parameters. */
  public static Workload create(Component spec) {
    return switch (spec.name()) {
      case "linear_regression" -> linearRegression(spec);
      case "mlp" -> mlp(spec);
      default -> throw new IllegalArgumentException("no workload called " + spec.name());
    };
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
        seed -> SyntheticLinear.generate(features, train, eval, noise, seed));
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
        seed -> SyntheticBlobs.generate(features, classes, train, eval, spread, seed));
  }
}
