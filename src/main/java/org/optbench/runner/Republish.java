package org.optbench.runner;

import java.nio.file.Path;
import java.util.Set;
import org.optbench.io.Manifest;
import org.optbench.io.PublishedRuns;
import org.optbench.io.ResultSetException;
import org.optbench.metrics.RunEnvironment;
import org.optbench.spec.ExperimentSpec;

/**
 * When a new result set may replace the one already published under its name instead of moving it
 * aside: when it reproduces every row of it. That holds when the earlier one was made from the same
 * spec text by the same version, commit, engine versions and thread count, and each of its runs is
 * among the runs this invocation reused unchanged from the cell store (so a shard never replaces
 * another shard, a smaller grid never a larger one, and retrained runs never replace older rows).
 */
final class Republish {

  private Republish() {}

  static boolean reproduces(
      Path previous, ExperimentSpec spec, RunEnvironment env, Set<String> reusedRunIds) {
    try {
      Manifest m = PublishedRuns.manifest(previous);
      boolean sameSource =
          m.specSha256().equals(spec.sha256())
              && m.optbenchVersion().equals(env.optbenchVersion())
              && m.gitCommit().equals(env.gitCommit())
              && m.djlVersion().equals(env.djlVersion())
              && m.pytorchVersion().equals(env.pytorchVersion())
              && m.threads() == env.threads();
      if (!sameSource) {
        return false;
      }
      return reusedRunIds.containsAll(PublishedRuns.runIds(previous));
    } catch (ResultSetException damaged) {
      // A damaged result set proves nothing: it is moved aside, as any other, and kept.
      return false;
    }
  }
}
