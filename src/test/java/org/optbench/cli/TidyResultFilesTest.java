package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.io.ClaimsTable;
import org.optbench.io.ColumnSchema;
import org.optbench.io.CrossCheckTable;
import org.optbench.io.RunsTable;
import org.optbench.io.SamplesTable;
import org.optbench.io.StepsTable;
import org.optbench.testing.Python;
import tech.tablesaw.api.ColumnType;

/**
 * A small real experiment, read with pandas as a researcher would (docs/data-schema.md): every
 * CSV of the result folder, the {@code steps.csv} export and {@code steps.parquet} load with one
 * typed column per variable, missing values as NA, the learning rates as the spec wrote them,
 * and no column named like a DataFrame attribute. The checks are in {@code
 * read_result_files.py}; skipped where no Python with pandas and pyarrow is installed.
 */
class TidyResultFilesTest {

  /**
   * Three runs of 10 steps: SGD at lr 0.1 (its text must stay "0.1", not a float32's
   * 0.10000000149011612), SGD at lr 1e6 (diverges, so diverged_step has a value), Adam at lr
   * 0.001; a constant schedule, so each step's learning_rate is the run's lr exactly; a lockstep
   * cross-check, so crosscheck.csv is read too.
   */
  private static final String SPEC = """
      name: tidy
      workloads:
        - {model: mlp, features: 8, hidden: [16], classes: 3, batch_size: 32, train_size: 256, eval_size: 64}
      steps: 10
      eval_every: 5
      seeds: [0]
      crosscheck: lockstep
      grid:
        optimizer:
          - {name: sgd, lr: 0.1, momentum: 0.9}
          - {name: sgd, lr: 1.0e6}
          - {name: adam, lr: 0.001}
      """;

  private static final List<String> SPEC_LR = List.of("0.1", "1.0e6", "0.001");

  @TempDir Path dir;

  @Test
  void pandasReadsEveryResultFileWithTypedColumns() throws Exception {
    assumeTrue(Python.withPandas().isPresent(), Python.missing());
    Path spec = dir.resolve("tidy.yaml");
    Files.writeString(spec, SPEC);
    Cli.Result run = Cli.execute("run", spec.toString(), "--out", dir.resolve("results").toString(),
        "--reports", dir.resolve("reports").toString(), "--no-progress");
    assertEquals(0, run.exit(), run.all());
    Path results = dir.resolve("results").resolve("tidy");
    Path stepsCsv = dir.resolve("steps.csv");
    Cli.Result export = Cli.execute("export", results.toString(), "-o", stepsCsv.toString());
    assertEquals(0, export.exit(), export.all());

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("results", results.toString());
    expected.put("steps_csv", stepsCsv.toString());
    expected.put("spec_lr", SPEC_LR);
    expected.put("eval_every", 5);
    Map<String, Map<String, String>> kinds = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(results)) {
      for (Path csv : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
        kinds.put(csv.getFileName().toString(), kinds(csv, schemaOf(csv)));
      }
    }
    kinds.put("steps.csv", kinds(stepsCsv, StepsTable.SCHEMA));
    expected.put("kinds", kinds);
    Path json = dir.resolve("expected.json");
    new ObjectMapper().writeValue(json.toFile(), expected);

    Python.Output out = Python.run(dir, script(), json.toString());
    assertEquals(0, out.exit(), out.text());
    assertEquals("ok", out.text().strip());
  }

  private static ColumnSchema schemaOf(Path csv) {
    return switch (csv.getFileName().toString()) {
      case "runs.csv" -> RunsTable.SCHEMA;
      case "samples.csv" -> SamplesTable.SCHEMA;
      case CrossCheckTable.FILE -> CrossCheckTable.SCHEMA;
      case ClaimsTable.FILE -> ClaimsTable.SCHEMA;
      default -> throw new AssertionError("a result file no schema describes: " + csv);
    };
  }

  /** The kind (string, int, float, bool) of each column of the file's header. */
  private static Map<String, String> kinds(Path csv, ColumnSchema schema) throws Exception {
    String header = Files.readAllLines(csv, StandardCharsets.UTF_8).get(0);
    Map<String, String> kinds = new LinkedHashMap<>();
    for (String name : header.split(",")) {
      ColumnType type = schema.types().containsKey(name) ? schema.types().get(name)
          : RunsTable.hyperparameterType(name).orElse(null);
      if (type != null) {
        kinds.put(name, kind(type));
      }
    }
    return kinds;
  }

  private static String kind(ColumnType type) {
    if (type == ColumnType.STRING) {
      return "string";
    }
    if (type == ColumnType.INTEGER || type == ColumnType.LONG) {
      return "int";
    }
    if (type == ColumnType.DOUBLE) {
      return "float";
    }
    if (type == ColumnType.BOOLEAN) {
      return "bool";
    }
    throw new AssertionError("no pandas kind for " + type);
  }

  private static String script() throws Exception {
    try (InputStream in = TidyResultFilesTest.class.getResourceAsStream("read_result_files.py")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
