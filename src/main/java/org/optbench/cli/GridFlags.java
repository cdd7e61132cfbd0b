package org.optbench.cli;

import org.optbench.runner.GridOptions;
import org.optbench.runner.Shard;
import picocli.CommandLine.Option;

/** The options of {@code run} that choose which cells train, and how many at once. */
final class GridFlags {

  @Option(names = "--force", description = "retrain cells even when complete results with the same content key exist")
  boolean force;

  @Option(names = "--shard", paramLabel = "i/N",
      description = "run only shard i of N (0 ≤ i < N): grid cell k goes to shard k mod N; combine shards with `merge`")
  String shard;

  @Option(names = "--workers", paramLabel = "K", defaultValue = "1",
      description = "train K cells at once, each in its own JVM with --threads intra-op threads (default: ${DEFAULT-VALUE})")
  int workers;

  GridOptions options() throws UserInputException {
    if (workers < 1) {
      throw new UserInputException("--workers must be at least 1, got " + workers);
    }
    Shard part = Shard.ALL;
    if (shard != null) {
      try {
        part = Shard.parse(shard);
      } catch (IllegalArgumentException e) {
        throw new UserInputException("--shard " + e.getMessage());
      }
    }
    return new GridOptions(force, part, workers, System.out);
  }
}
