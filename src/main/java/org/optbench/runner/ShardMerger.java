package org.optbench.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optbench.io.CellStore;
import org.optbench.io.CommitResult;
import org.optbench.io.Manifest;
import org.optbench.io.ResultSet;
import org.optbench.io.ResultSetWriter;
import org.optbench.metrics.RunEnvironment;
import org.optbench.spec.Cell;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.SpecException;
import org.optbench.spec.SpecParser;

/**
 * Combines the result sets of shards ({@code run --shard i/N}, possibly on different machines) into
 * one result set of the whole experiment, in grid order, that {@code report} and {@code compare}
 * read like any other.
 *
 * <p>Shards must come from the same spec text, optbench version and commit, DJL and libtorch
 * versions and thread count, or their numbers would not be comparable; a mismatch is refused
 * naming the field, as is a run that appears in two shards or that the spec does not have. The
 * manifest of the merged set records the first shard's machine, the earliest start and the
 * latest finish; it is {@code complete} when every cell of the grid is present. The runs are also
 * stored in the output root's cell store under their content keys, so a {@code run} of the same
 * spec there reuses them.
 */
public final class ShardMerger {

  private ShardMerger() {}

  /** Why shards cannot be merged. */
  public static final class MismatchException extends Exception {
    private static final long serialVersionUID = 1L;

    MismatchException(String message) {
      super(message);
    }
  }

  /** Merges the result sets in {@code shards} into {@code outRoot/<experiment>/}. */
  public static CommitResult merge(List<Path> shards, Path outRoot)
      throws IOException, MismatchException, SpecException {
    List<ResultSet> sets = new ArrayList<>();
    for (Path dir : shards) {
      sets.add(ResultSet.read(dir));
    }
    Manifest first = sets.get(0).manifest();
    for (ResultSet set : sets.subList(1, sets.size())) {
      checkSame(first, sets.get(0).dir(), set.manifest(), set.dir());
    }
    ExperimentSpec spec = SpecParser.parse(Path.of(first.specFile()), first.specText());
    RunEnvironment env =
        new RunEnvironment(
            first.optbenchVersion(), first.gitCommit(), first.javaVersion(), first.djlVersion(),
            first.pytorchVersion(), first.threads(), first.os(), first.cpu(), first.cores());
    Map<String, Cell> cells = new LinkedHashMap<>();
    spec.cells().forEach(cell -> cells.put(cell.runId(), cell));
    Map<String, Path> from = new HashMap<>();
    for (ResultSet set : sets) {
      for (String id : set.runs().stringColumn("run_id").asList()) {
        Path earlier = from.putIfAbsent(id, set.dir());
        if (earlier != null) {
          throw new MismatchException(
              "run " + id + (cells.containsKey(id) ? " (" + cells.get(id).label() + ")" : "")
                  + " is in both " + earlier + " and " + set.dir()
                  + "; shards of one grid are disjoint");
        }
      }
    }

    CellStore store = CellStore.open(outRoot, spec.name());
    for (ResultSet set : sets) {
      store.importRuns(set, cells::containsKey, id -> CellKey.of(cells.get(id), env));
    }
    // The reruns of tuning studies follow from the trials just imported, as in a single run.
    Map<String, Cell> all = new LinkedHashMap<>();
    TunedGrid.withReruns(spec, spec.cells(),
            cell -> from.containsKey(cell.runId()) ? store.find(cell) : java.util.Optional.empty())
        .forEach(cell -> all.put(cell.runId(), cell));
    for (ResultSet set : sets) {
      for (String id : set.runs().stringColumn("run_id").asList()) {
        if (!all.containsKey(id)) {
          throw new MismatchException(set.dir() + ": run " + id + " is not a cell of the spec"
              + " (nor a rerun of a tuning study's selected trial)");
        }
      }
      store.importRuns(set, id -> !cells.containsKey(id), id -> CellKey.of(all.get(id), env));
    }
    Instant started = sets.stream().map(s -> s.manifest().startedAt()).min(Instant::compareTo).get();
    Instant finished = sets.stream().map(s -> s.manifest().finishedAt()).max(Instant::compareTo).get();
    ResultSetWriter writer = ResultSetWriter.open(outRoot, spec.name());
    try {
      for (Cell cell : all.values()) {
        if (from.containsKey(cell.runId())) {
          writer.adopt(store, cell.runId(), store.summary(cell).diverged());
        }
      }
      return writer.commit(spec, env, started, finished);
    } catch (IOException | RuntimeException | Error e) {
      writer.abort();
      throw e;
    }
  }

  private static void checkSame(Manifest a, Path aDir, Manifest b, Path bDir)
      throws MismatchException {
    String[][] fields = {
      {"experiment", a.experiment(), b.experiment()},
      {"spec (sha256)", a.specSha256(), b.specSha256()},
      {"optbench version", a.optbenchVersion(), b.optbenchVersion()},
      {"git commit", a.gitCommit(), b.gitCommit()},
      {"DJL version", a.djlVersion(), b.djlVersion()},
      {"libtorch version", a.pytorchVersion(), b.pytorchVersion()},
      {"threads", Integer.toString(a.threads()), Integer.toString(b.threads())},
    };
    for (String[] field : fields) {
      if (!field[1].equals(field[2])) {
        throw new MismatchException(
            "cannot merge: " + field[0] + " differs: " + field[1] + " in " + aDir + ", "
                + field[2] + " in " + bDir);
      }
    }
  }
}
