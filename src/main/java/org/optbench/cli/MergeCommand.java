package org.optbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.optbench.io.CellStore;
import org.optbench.io.CommitResult;
import org.optbench.io.OutputLocations;
import org.optbench.io.ResultFiles;
import org.optbench.runner.ShardMerger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code merge DIR... --out ROOT}: combines shard result sets into one. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description =
        "Combine the result sets of `run --shard i/N` into one result set, ROOT/<experiment>/, "
        + "that report and compare read. Refuses shards of different specs, versions or thread "
        + "counts, and runs present twice.")
final class MergeCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "shard result sets, e.g. shard-0/nightly")
  List<Path> shards;

  @Option(names = "--out", paramLabel = "ROOT", defaultValue = "results",
      description = "results root that receives <experiment>/ (default: ${DEFAULT-VALUE})")
  Path out;

  @Override
  public Integer call() throws Exception {
    for (Path dir : shards) {
      if (!Files.isRegularFile(dir.resolve(ResultFiles.MANIFEST))) {
        throw new UserInputException(dir + ": not a result set (no manifest.json); pass folders written by `optbench run`");
      }
    }
    OutputChecks.folder("--out", out);
    OutputChecks.none(OutputLocations.folderProblem(
        CellStore.folder(out, ResultFiles.experimentOf(shards.get(0)))));
    CommitResult result;
    try {
      result = ShardMerger.merge(shards, out);
    } catch (ShardMerger.MismatchException e) {
      throw new UserInputException(e.getMessage());
    }
    System.out.println("merged " + shards.size() + " result sets; " + result.describe());
    return ExitCodes.OK;
  }
}
