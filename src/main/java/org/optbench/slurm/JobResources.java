package org.optbench.slurm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What each job asks of the cluster, as sbatch(1) options: both the shard tasks and the merge job
 * ask for the same, so that one account and partition pay for the whole grid.
 *
 * @param time {@code --time}, empty for the partition's default limit
 * @param partition {@code --partition}, empty for the cluster's default partition
 * @param account {@code --account}, empty for the user's default account
 * @param cpusPerTask {@code --cpus-per-task}
 * @param memory {@code --mem} (per node, e.g. {@code 4G}), empty for the partition's default
 * @param extraOptions further sbatch options, one per {@code #SBATCH} line, e.g. {@code --qos=long}
 */
public record JobResources(Optional<String> time, Optional<String> partition,
    Optional<String> account, int cpusPerTask, Optional<String> memory, List<String> extraOptions) {

  public JobResources {
    extraOptions = List.copyOf(extraOptions);
  }

  /** The sbatch options, in the order the script lists them. */
  public List<String> options() {
    List<String> out = new ArrayList<>();
    partition.ifPresent(p -> out.add("--partition=" + p));
    account.ifPresent(a -> out.add("--account=" + a));
    time.ifPresent(t -> out.add("--time=" + t));
    out.add("--cpus-per-task=" + cpusPerTask);
    memory.ifPresent(m -> out.add("--mem=" + m));
    out.addAll(extraOptions);
    return out;
  }
}
