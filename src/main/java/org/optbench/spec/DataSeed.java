package org.optbench.spec;

/**
 * Which dataset a run trains on. By default every run of a workload sees the same draw of its
 * synthetic data ({@code data_seed: 0}), so that seeds vary only what the optimizer comparison is
 * about — initial weights and batch order — and cells that share a seed are paired. {@code
 * data_seed: per_seed} draws the data from each run's seed instead, for studies of how much the
 * data draw itself matters (seeds then vary data, weights and order together).
 *
 * <p>Real datasets (Fashion-MNIST, the shipped corpus) do not depend on it.
 */
public sealed interface DataSeed {

  /** The spec key. */
  String KEY = "data_seed";

  /** The default: one draw, {@code data_seed: 0}. */
  DataSeed DEFAULT = new Fixed(0);

  /** The seed the dataset is drawn from for a run with seed {@code runSeed}. */
  long forRun(long runSeed);

  /** As written in a spec and in a cell's identity. */
  String text();

  /** Every run of a workload draws its data from {@code value}. */
  record Fixed(long value) implements DataSeed {
    @Override
    public long forRun(long runSeed) {
      return value;
    }

    @Override
    public String text() {
      return Long.toString(value);
    }
  }

  /** Each run draws its data from its own seed. */
  record PerSeed() implements DataSeed {
    /** The spec value. */
    public static final String WORD = "per_seed";

    @Override
    public long forRun(long runSeed) {
      return runSeed;
    }

    @Override
    public String text() {
      return WORD;
    }
  }
}
