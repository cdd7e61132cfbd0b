package org.optbench.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.optbench.spec.Cell;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.SpecParser;

/**
 * A tiny real result set, written without training ({@link SampleResults} curves through {@link
 * ResultSetWriter}), and the ways a copy of it can be damaged: the cases an audit of result
 * folders found to crash or to pass unnoticed. Each damage names the file it damages, so that a
 * test can check the error message names it too.
 */
public final class DamagedResultSets {

  /**
   * The spec of the tiny result set: 2 runs of 4 steps, evaluated every 2, and one claim, so that
   * every command that reads result sets (report, compare, baseline update, claims, merge) has
   * something to do with an undamaged copy.
   */
  public static final String SPEC =
      """
      name: tiny
      workloads:
        - {model: linear_regression, features: 2, batch_size: 4}
      steps: 4
      eval_every: 2
      seeds: [0, 1]
      grid:
        optimizer:
          - {name: sgd, lr: 0.1}
      expect:
        - claim: the loss ends below 10
          check: max(final_loss) < 10
      """;

  /** How a folder is damaged, and which file of it then is at fault. */
  public record Damage(String name, String file, Damager apply) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Damages the result set in a folder. */
  @FunctionalInterface
  public interface Damager {
    void apply(Path dir) throws IOException;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private DamagedResultSets() {}

  /**
   * Writes the undamaged tiny result set to {@code root/tiny/} and returns that folder. Step rows:
   * run 1 has steps 1..4 on rows 1..4 of steps.parquet, run 2 on rows 5..8 (lines 2..5 and 6..9
   * of the steps.csv that the legacy damages export first).
   */
  public static Path write(Path root) throws Exception {
    ExperimentSpec spec = SpecParser.parse(Path.of("experiments", "tiny.yaml"), SPEC);
    ResultSetWriter writer = ResultSetWriter.open(root, spec.name());
    for (Cell cell : spec.cells()) {
      writer.add(SampleResults.converging(cell));
    }
    Instant started = Instant.parse("2026-11-21T14:30:05Z");
    return writer
        .commit(spec, SampleResults.environment(), started, started.plusSeconds(60))
        .published();
  }

  /** Every damage. The FIFO case is left out where the system has no {@code mkfifo}. */
  public static List<Damage> all() {
    List<Damage> damages = new ArrayList<>();
    damages.add(new Damage("missing manifest", ResultFiles.MANIFEST,
        dir -> Files.delete(dir.resolve(ResultFiles.MANIFEST))));
    damages.add(new Damage("empty manifest", ResultFiles.MANIFEST,
        dir -> Files.writeString(dir.resolve(ResultFiles.MANIFEST), "")));
    damages.add(new Damage("null manifest", ResultFiles.MANIFEST,
        dir -> Files.writeString(dir.resolve(ResultFiles.MANIFEST), "null\n")));
    damages.add(new Damage("manifest lacks runs", ResultFiles.MANIFEST,
        dir -> editManifest(dir, m -> m.without("runs"))));
    damages.add(new Damage("manifest with null started", ResultFiles.MANIFEST,
        dir -> editManifest(dir, m -> m.putNull("started"))));
    damages.add(new Damage("manifest threads as text", ResultFiles.MANIFEST,
        dir -> editManifest(dir, m -> m.put("threads", "one"))));
    damages.add(new Damage("manifest cells as a fraction", ResultFiles.MANIFEST,
        dir -> editManifest(dir, m -> m.put("cells", 2.5))));
    damages.add(new Damage("manifest with a bad date", ResultFiles.MANIFEST,
        dir -> editManifest(dir, m -> m.put("finished", "yesterday"))));
    damages.add(new Damage("manifest with an unknown status", ResultFiles.MANIFEST,
        dir -> editManifest(dir, m -> m.put("status", "done"))));
    damages.add(new Damage("manifest with negative diverged runs", ResultFiles.MANIFEST,
        dir -> editManifest(dir, m -> m.put("diverged_runs", -1))));
    damages.add(new Damage("manifest with an unsafe experiment name", ResultFiles.MANIFEST,
        dir -> editManifest(dir, m -> m.put("experiment", "../elsewhere"))));
    damages.add(new Damage("manifest nested 5000 deep", ResultFiles.MANIFEST,
        dir -> Files.writeString(dir.resolve(ResultFiles.MANIFEST),
            "[".repeat(5000) + "]".repeat(5000))));
    damages.add(new Damage("manifest over the size cap", ResultFiles.MANIFEST,
        dir -> grow(dir.resolve(ResultFiles.MANIFEST), ReadLimits.MANIFEST_BYTES + 1)));
    damages.add(new Damage("missing runs.csv", ResultFiles.RUNS,
        dir -> Files.delete(dir.resolve(ResultFiles.RUNS))));
    damages.add(new Damage("empty runs.csv", ResultFiles.RUNS,
        dir -> Files.writeString(dir.resolve(ResultFiles.RUNS), "")));
    damages.add(new Damage("header-only runs.csv", ResultFiles.RUNS,
        dir -> editLines(dir.resolve(ResultFiles.RUNS), lines -> lines.subList(0, 1))));
    damages.add(new Damage("runs.csv cut mid-row", ResultFiles.RUNS,
        dir -> cut(dir.resolve(ResultFiles.RUNS))));
    damages.add(new Damage("steps.csv cut mid-row", ResultFiles.STEPS,
        legacyCsv(dir -> cut(dir.resolve(ResultFiles.STEPS)))));
    damages.add(new Damage("text in a number column", ResultFiles.RUNS,
        dir -> setCell(dir.resolve(ResultFiles.RUNS), 1, "final_loss", "low")));
    damages.add(new Damage("a fraction in an integer column", ResultFiles.RUNS,
        dir -> setCell(dir.resolve(ResultFiles.RUNS), 1, "steps_done", "3.5")));
    damages.add(new Damage("missing column", ResultFiles.RUNS,
        dir -> dropColumn(dir.resolve(ResultFiles.RUNS), "steps_done")));
    damages.add(new Damage("duplicate run rows", ResultFiles.RUNS,
        dir -> editLines(dir.resolve(ResultFiles.RUNS), lines -> {
          List<String> more = new ArrayList<>(lines);
          more.add(lines.get(1));
          return more;
        })));
    damages.add(new Damage("step rows of an unknown run", ResultFiles.STEPS,
        legacyCsv(dir -> editLines(dir.resolve(ResultFiles.STEPS), lines -> {
          List<String> more = new ArrayList<>(lines);
          String row = lines.get(1);
          more.add("feedfacecafe" + row.substring(row.indexOf(',')));
          return more;
        }))));
    damages.add(new Damage("negative steps_done", ResultFiles.RUNS,
        dir -> setCell(dir.resolve(ResultFiles.RUNS), 1, "steps_done", "-1")));
    damages.add(new Damage("steps_done beyond steps", ResultFiles.RUNS,
        dir -> setCell(dir.resolve(ResultFiles.RUNS), 1, "steps_done", "5")));
    damages.add(new Damage("huge step value", ResultFiles.STEPS,
        legacyCsv(dir -> setCell(dir.resolve(ResultFiles.STEPS), 4, "step", "99999999999"))));
    damages.add(new Damage("step beyond the run's steps", ResultFiles.STEPS,
        legacyCsv(dir -> setCell(dir.resolve(ResultFiles.STEPS), 4, "step", "2000000000"))));
    damages.add(new Damage("repeated step row", ResultFiles.STEPS,
        legacyCsv(dir -> editLines(dir.resolve(ResultFiles.STEPS), lines -> {
          List<String> more = new ArrayList<>(lines);
          more.add(2, lines.get(1));
          return more;
        }))));
    damages.add(new Damage("steps.parquet missing", ResultFiles.STEPS_PARQUET,
        dir -> Files.delete(dir.resolve(ResultFiles.STEPS_PARQUET))));
    damages.add(new Damage("steps.parquet cut short", ResultFiles.STEPS_PARQUET,
        dir -> truncate(dir.resolve(ResultFiles.STEPS_PARQUET))));
    damages.add(new Damage("binary garbage in steps.parquet", ResultFiles.STEPS_PARQUET,
        dir -> Files.write(dir.resolve(ResultFiles.STEPS_PARQUET), garbage())));
    damages.add(new Damage("steps.parquet with garbage inside", ResultFiles.STEPS_PARQUET,
        dir -> scramble(dir.resolve(ResultFiles.STEPS_PARQUET))));
    damages.add(new Damage("steps.parquet lacking a column", ResultFiles.STEPS_PARQUET,
        dir -> rewriteSteps(dir, "SELECT * EXCLUDE (loss) FROM steps")));
    damages.add(new Damage("steps.parquet with text steps", ResultFiles.STEPS_PARQUET,
        dir -> rewriteSteps(dir, "SELECT * REPLACE (CAST(step AS VARCHAR) AS step) FROM steps")));
    damages.add(new Damage("step rows of an unknown run in steps.parquet",
        ResultFiles.STEPS_PARQUET, dir -> rewriteSteps(dir,
            "SELECT * REPLACE ('feedfacecafe' AS run_id) FROM steps")));
    damages.add(new Damage("repeated step row in steps.parquet", ResultFiles.STEPS_PARQUET,
        dir -> rewriteSteps(dir, "SELECT * FROM steps UNION ALL SELECT * FROM steps")));
    damages.add(new Damage("negative step in steps.parquet", ResultFiles.STEPS_PARQUET,
        dir -> rewriteSteps(dir, "SELECT * REPLACE (step - 5 AS step) FROM steps")));
    damages.add(new Damage("binary garbage in steps.csv", ResultFiles.STEPS,
        legacyCsv(dir -> Files.write(dir.resolve(ResultFiles.STEPS), garbage()))));
    damages.add(new Damage("a folder where runs.csv should be", ResultFiles.RUNS,
        dir -> {
          Files.delete(dir.resolve(ResultFiles.RUNS));
          Files.createDirectory(dir.resolve(ResultFiles.RUNS));
        }));
    if (canMakeFifo()) {
      damages.add(new Damage("a FIFO where steps.csv should be", ResultFiles.STEPS,
          legacyCsv(dir -> {
            Files.delete(dir.resolve(ResultFiles.STEPS));
            mkfifo(dir.resolve(ResultFiles.STEPS));
          })));
    }
    damages.add(new Damage("runs.csv over the size cap", ResultFiles.RUNS,
        dir -> grow(dir.resolve(ResultFiles.RUNS), ReadLimits.TABLE_BYTES + 1)));
    return damages;
  }

  /** Copies the folder {@code from} to {@code to}, files only (the tiny set has no others). */
  public static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }

  /**
   * Every path under {@code root} with its kind, size and modification time, one per line: equal
   * before and after a command when it wrote, moved and deleted nothing.
   */
  public static String snapshot(Path root) throws IOException {
    StringBuilder out = new StringBuilder();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
        out.append(root.relativize(dir)).append("/ ").append(a.lastModifiedTime()).append('\n');
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
        out.append(root.relativize(file)).append(' ').append(a.size()).append(' ')
            .append(a.lastModifiedTime()).append('\n');
        return FileVisitResult.CONTINUE;
      }
    });
    return out.toString();
  }

  private static void editManifest(Path dir, UnaryOperator<ObjectNode> edit) throws IOException {
    Path file = dir.resolve(ResultFiles.MANIFEST);
    ObjectNode manifest = (ObjectNode) JSON.readTree(file.toFile());
    Files.writeString(file, JSON.writeValueAsString(edit.apply(manifest)));
  }

  private static void editLines(Path file, UnaryOperator<List<String>> edit) throws IOException {
    List<String> lines = edit.apply(Files.readAllLines(file));
    Files.writeString(file, String.join("\n", lines) + "\n");
  }

  /** Sets one cell; the tiny set's cells hold no commas or quotes in the columns changed. */
  private static void setCell(Path file, int line, String column, String value)
      throws IOException {
    editLines(file, lines -> {
      List<String> out = new ArrayList<>(lines);
      int c = List.of(lines.get(0).split(",")).indexOf(column);
      List<String> fields = splitRow(lines.get(line));
      fields.set(c, value);
      out.set(line, String.join(",", fields));
      return out;
    });
  }

  private static void dropColumn(Path file, String column) throws IOException {
    editLines(file, lines -> {
      int c = List.of(lines.get(0).split(",")).indexOf(column);
      List<String> out = new ArrayList<>();
      for (String line : lines) {
        List<String> fields = splitRow(line);
        fields.remove(c);
        out.add(String.join(",", fields));
      }
      return out;
    });
  }

  /** A row's fields, quoted ones kept with their quotes (enough for rewriting the row). */
  private static List<String> splitRow(String row) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (char ch : row.toCharArray()) {
      if (ch == '"') {
        quoted = !quoted;
      }
      if (ch == ',' && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  /**
   * Turns the result set into one written before Parquet: its steps as {@code steps.csv} only,
   * then damages that.
   */
  private static Damager legacyCsv(Damager damage) {
    return dir -> {
      StepsCsvExport.write(dir, dir.resolve(ResultFiles.STEPS));
      Files.delete(dir.resolve(ResultFiles.STEPS_PARQUET));
      damage.apply(dir);
    };
  }

  /** Replaces {@code steps.parquet} by what {@code query} selects from it (as table steps). */
  private static void rewriteSteps(Path dir, String query) throws IOException {
    Path file = dir.resolve(ResultFiles.STEPS_PARQUET);
    Path edited = dir.resolve("edited.parquet");
    try (var connection = DuckDb.open(); var sql = connection.createStatement()) {
      sql.execute("CREATE TEMP TABLE steps AS SELECT * FROM read_parquet(" + DuckDb.literal(file) + ")");
      sql.execute("COPY (" + query + ") TO " + DuckDb.literal(edited) + " (FORMAT parquet)");
    } catch (java.sql.SQLException e) {
      throw new IOException(e);
    }
    Files.move(edited, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Keeps the first half of a binary file, as an interrupted copy would. */
  private static void truncate(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
  }

  /** Overwrites the middle third of a file with random bytes, its ends left whole. */
  private static void scramble(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    byte[] noise = new byte[bytes.length / 3];
    new java.util.Random(11).nextBytes(noise);
    System.arraycopy(noise, 0, bytes, bytes.length / 3, noise.length);
    Files.write(file, bytes);
  }

  /** Cuts the file in the middle of its second data row, as an interrupted copy would. */
  private static void cut(Path file) throws IOException {
    String text = Files.readString(file);
    int secondRow = text.indexOf('\n', text.indexOf('\n') + 1) + 1;
    Files.writeString(file, text.substring(0, secondRow + 20));
  }

  /** Extends {@code file} to {@code size} bytes without writing them (a sparse file). */
  private static void grow(Path file, long size) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
    }
  }

  private static byte[] garbage() {
    byte[] bytes = new byte[4096];
    new java.util.Random(7).nextBytes(bytes);
    bytes[bytes.length - 1] = '\n';
    return bytes;
  }

  private static boolean canMakeFifo() {
    try {
      Path probe = Files.createTempDirectory("fifo-probe");
      try {
        mkfifo(probe.resolve("p"));
        return Files.exists(probe.resolve("p"));
      } finally {
        Files.deleteIfExists(probe.resolve("p"));
        Files.delete(probe);
      }
    } catch (IOException e) {
      return false;
    }
  }

  private static void mkfifo(Path path) throws IOException {
    try {
      Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
      if (p.waitFor() != 0) {
        throw new IOException("mkfifo failed: "
            + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
