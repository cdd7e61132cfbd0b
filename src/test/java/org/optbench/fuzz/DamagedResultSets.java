package org.optbench.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Result folders damaged in one way each: a copy of a real, complete result set ({@link #SPEC},
 * trained for a few steps by the command under test) with one file removed, emptied, cut short,
 * retyped or replaced. Every command that reads result folders must refuse each one.
 */
public final class DamagedResultSets {

  /** The experiment the damaged folders are copies of: 4 runs of 6 steps, with one claim. */
  public static final String SPEC =
      """
      name: fuzzbase
      workloads:
        - {model: linear_regression, features: 4, batch_size: 8, train_size: 64, eval_size: 16}
      steps: 6
      eval_every: 3
      seeds: [0, 1]
      grid:
        optimizer:
          - {name: sgd, lr: 0.1}
          - {name: adam, lr: 0.01}
      expect:
        - claim: Adam ends below SGD
          check: median(final_loss | optimizer=adam) < median(final_loss | optimizer=sgd)
      """;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SPARSE_GIB = 1L << 30;

  /** Which file of the result set a damage is in. */
  public enum Part {
    MANIFEST("manifest.json"),
    RUNS("runs.csv"),
    STEPS("steps.parquet"),
    /** A result set written before Parquet: its steps as {@code steps.csv} only. */
    LEGACY_STEPS("steps.csv");

    private final String file;

    Part(String file) {
      this.file = file;
    }

    public String file() {
      return file;
    }
  }

  private final Path base;
  private final List<FuzzCase> cases = new ArrayList<>();

  private DamagedResultSets(Path base) {
    this.base = base;
  }

  /** Every damage of copies of {@code base}, a complete result set of {@link #SPEC}. */
  public static List<FuzzCase> all(Path base) {
    DamagedResultSets sets = new DamagedResultSets(base);
    sets.manifest();
    sets.table(Part.RUNS, "final_loss", "steps_done");
    sets.table(Part.LEGACY_STEPS, "loss", "step");
    sets.parquet(Part.STEPS);
    sets.consistency();
    return List.copyOf(sets.cases);
  }

  private void manifest() {
    Part m = Part.MANIFEST;
    damage(m, "missing", dir -> Files.delete(dir.resolve(m.file())));
    damage(m, "empty", dir -> Files.writeString(dir.resolve(m.file()), ""));
    damage(m, "null", dir -> Files.writeString(dir.resolve(m.file()), "null"));
    damage(m, "array", dir -> Files.writeString(dir.resolve(m.file()), "[]"));
    damage(m, "truncated", dir -> {
      String text = Files.readString(dir.resolve(m.file()));
      Files.writeString(dir.resolve(m.file()), text.substring(0, text.length() / 2));
    });
    damage(m, "binary", dir -> Files.write(dir.resolve(m.file()), new byte[] {0, 1, 2, (byte) 0xff}));
    manifestEdit("experiment-missing", json -> json.remove("experiment"));
    manifestEdit("experiment-null", json -> json.putNull("experiment"));
    manifestEdit("experiment-traversal", json -> json.put("experiment", "../victim"));
    manifestEdit("experiment-absolute", json -> json.put("experiment", "/tmp/victim"));
    manifestEdit("experiment-dot", json -> json.put("experiment", "."));
    manifestEdit("bad-date", json -> json.put("started", "yesterday"));
    manifestEdit("runs-text", json -> json.put("runs", "many"));
    manifestEdit("runs-negative", json -> json.put("runs", -1));
    manifestEdit("status-unknown", json -> json.put("status", "done"));
    manifestEdit("spec-text-missing", json -> json.remove("spec_text"));
    damage(m, "directory", dir -> {
      Files.delete(dir.resolve(m.file()));
      Files.createDirectories(dir.resolve(m.file()));
    });
    damage(m, "fifo", dir -> {
      Files.delete(dir.resolve(m.file()));
      SpecialFiles.fifo(dir.resolve(m.file()));
    });
    damage(m, "sparse-1gib", dir -> sparse(dir.resolve(m.file())));
  }

  /**
   * The same damages for runs.csv and a legacy steps.csv; {@code number} and {@code count} name
   * columns.
   */
  private void table(Part part, String number, String count) {
    damage(part, "missing", dir -> Files.delete(dir.resolve(part.file())));
    damage(part, "empty", dir -> Files.writeString(dir.resolve(part.file()), ""));
    damage(part, "header-only", dir -> CsvEdit.of(dir.resolve(part.file())).headerOnly().write());
    damage(part, "truncated-mid-row", dir -> CsvEdit.truncateMidRow(dir.resolve(part.file())));
    damage(part, "text-in-number", dir -> CsvEdit.of(dir.resolve(part.file())).set(1, number, "abc").write());
    damage(part, "missing-column", dir -> CsvEdit.of(dir.resolve(part.file())).drop(number).write());
    damage(part, "duplicate-row", dir -> CsvEdit.of(dir.resolve(part.file())).duplicate(0).write());
    damage(part, "negative-" + count, dir -> CsvEdit.of(dir.resolve(part.file())).set(0, count, "-3").write());
    damage(part, "huge-" + count, dir ->
        CsvEdit.of(dir.resolve(part.file())).set(0, count, "99999999999999").write());
    damage(part, "binary", dir -> Files.write(dir.resolve(part.file()), new byte[] {0, (byte) 0xfe, 10, 0}));
    damage(part, "directory", dir -> {
      Files.delete(dir.resolve(part.file()));
      Files.createDirectories(dir.resolve(part.file()));
    });
    damage(part, "sparse-1gib", dir -> sparse(dir.resolve(part.file())));
  }

  /** Damages to the binary file's kind and bytes; its values are what the table damages test. */
  private void parquet(Part part) {
    damage(part, "missing", dir -> Files.delete(dir.resolve(part.file())));
    damage(part, "empty", dir -> Files.writeString(dir.resolve(part.file()), ""));
    damage(part, "truncated", dir -> {
      byte[] bytes = Files.readAllBytes(dir.resolve(part.file()));
      Files.write(dir.resolve(part.file()), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    });
    damage(part, "scrambled-middle", dir -> {
      byte[] bytes = Files.readAllBytes(dir.resolve(part.file()));
      byte[] noise = new byte[bytes.length / 3];
      new java.util.Random(3).nextBytes(noise);
      System.arraycopy(noise, 0, bytes, bytes.length / 3, noise.length);
      Files.write(dir.resolve(part.file()), bytes);
    });
    damage(part, "csv-text", dir -> Files.writeString(dir.resolve(part.file()), "run_id,step\na,1\n"));
    damage(part, "binary", dir -> Files.write(dir.resolve(part.file()), new byte[] {0, (byte) 0xfe, 10, 0}));
    damage(part, "directory", dir -> {
      Files.delete(dir.resolve(part.file()));
      Files.createDirectories(dir.resolve(part.file()));
    });
    damage(part, "fifo", dir -> {
      Files.delete(dir.resolve(part.file()));
      SpecialFiles.fifo(dir.resolve(part.file()));
    });
    damage(part, "sparse-1gib", dir -> sparse(dir.resolve(part.file())));
  }

  private void consistency() {
    damage(Part.LEGACY_STEPS, "unknown-run", dir ->
        CsvEdit.of(dir.resolve(Part.LEGACY_STEPS.file())).setAll("run_id", id -> "ffffffffffff").write());
    damage(Part.RUNS, "experiment-mismatch", dir ->
        CsvEdit.of(dir.resolve(Part.RUNS.file())).setAll("experiment", e -> "other").write());
    manifestEdit("runs-count-mismatch", json -> json.put("runs", 5));
  }

  private void manifestEdit(String name, Consumer<ObjectNode> change) {
    damage(Part.MANIFEST, name, dir -> {
      Path file = dir.resolve(Part.MANIFEST.file());
      ObjectNode json = (ObjectNode) JSON.readTree(file.toFile());
      change.accept(json);
      Files.writeString(file, json.toPrettyString());
    });
  }

  /** A file of 1 GiB of zeros that takes no disk space: a reader without a size cap fills memory. */
  private static void sparse(Path file) throws IOException {
    Files.deleteIfExists(file);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(SPARSE_GIB);
    }
  }

  /** Edits a copy of the base folder. */
  @FunctionalInterface
  private interface Damage {
    void apply(Path copy) throws IOException;
  }

  private void damage(Part part, String name, Damage damage) {
    cases.add(new FuzzCase("results-" + part.name().toLowerCase(java.util.Locale.ROOT), name, scratch -> {
      Path copy = scratch.resolve("fuzzbase");
      copyTree(base, copy);
      if (part == Part.LEGACY_STEPS) {
        org.optbench.io.StepsCsvExport.write(copy, copy.resolve(Part.LEGACY_STEPS.file()));
        Files.delete(copy.resolve(Part.STEPS.file()));
      }
      damage.apply(copy);
      return copy;
    }));
  }

  static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, to.resolve(from.relativize(file).toString()));
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
