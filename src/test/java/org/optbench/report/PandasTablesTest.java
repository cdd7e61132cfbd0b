package org.optbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.testing.Python;

/**
 * Reads every exported table CSV of real reports ({@link ExportedTables}) with pandas, as a paper's
 * analysis script would ({@code pd.read_csv(f, dtype_backend="numpy_nullable")}, which keeps an
 * integer column with a missing value integral), and checks the names and types. Skipped, saying
 * so, where no Python with pandas is found ({@link Python}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PandasTablesTest {

  /** Per column: its dtype, and the values that look like a missing-value sentinel. */
  static final String SCRIPT = """
      import json, math, sys, pathlib
      import pandas as pd
      out = {"attributes": sorted(a for a in dir(pd.DataFrame) if not a.startswith("_")),
             "columns": []}
      sentinels = {"NaN", "nan", "NA", "N/A", "None", "null", "\\u2013", "\\u2014"}
      def smallest(col):
          finite = [float(v) for v in col.dropna() if math.isfinite(float(v))]
          return min(finite) if finite else None
      for folder in sys.argv[1:]:
          for f in sorted(pathlib.Path(folder).glob("*.csv")):
              df = pd.read_csv(f, dtype_backend="numpy_nullable")
              raw = pd.read_csv(f, dtype=str, keep_default_na=False)
              for name in df.columns:
                  col = df[name]
                  numeric = pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col)
                  whole = bool(numeric and col.dropna().map(lambda v: float(v).is_integer()).all())
                  found = sorted(set(raw[name]) & sentinels)
                  texts = [v for v in raw[name] if v != ""]
                  def number(v):
                      try:
                          float(v)
                          return True
                      except ValueError:
                          return False
                  mixed = (not numeric and any(number(v) for v in texts)
                           and any(v in sentinels for v in texts))
                  out["columns"].append({"file": f.name, "name": name, "dtype": str(col.dtype),
                                         "rows": len(df), "values": int(col.notna().sum()),
                                         "numeric": bool(numeric), "whole": whole,
                                         "sentinels": found, "mixed": bool(mixed),
                                         "min": smallest(col) if numeric else None})
      print(json.dumps(out))
      """;

  @TempDir static Path tmp;

  JsonNode result;

  @BeforeAll
  void readWithPandas() throws Exception {
    assumeTrue(Python.withPandas().isPresent(), Python.missing());
    List<Path> folders = ExportedTables.build(tmp);
    List<String> command = new ArrayList<>(
        List.of(Python.withPandas().get().toString(), "-c", SCRIPT));
    folders.forEach(f -> command.add(f.toString()));
    Process p = new ProcessBuilder(command).redirectError(tmp.resolve("python.err").toFile()).start();
    String json = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python finished");
    assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("python.err")));
    result = new ObjectMapper().readTree(json);
  }

  @Test
  void columnNamesAreSnakeCaseAndNoDataFrameAttribute() {
    List<String> attributes = new ArrayList<>();
    result.get("attributes").forEach(a -> attributes.add(a.asText()));
    assertTrue(attributes.containsAll(List.of("count", "mean", "values", "clip", "T")), "pandas");
    for (JsonNode column : result.get("columns")) {
      String where = column.get("file").asText() + ": " + column.get("name").asText();
      assertTrue(column.get("name").asText().matches("[a-z][a-z0-9_]*"), where);
      assertFalse(attributes.contains(column.get("name").asText()), where + " is a DataFrame attribute");
    }
    // The list optbench renames by covers the pandas installed here (capitals such as T cannot
    // collide with a lower-case name).
    for (String attribute : attributes) {
      assertTrue(CsvColumnNames.isDataFrameAttribute(attribute)
          || !attribute.equals(attribute.toLowerCase(java.util.Locale.ROOT)), attribute);
    }
  }

  @Test
  void countsAreIntegersAndNoValueIsEmpty() {
    // file:column, from each report that has it.
    Map<String, List<JsonNode>> columns = new HashMap<>();
    result.get("columns").forEach(c -> columns.computeIfAbsent(
        c.get("file").asText() + ":" + c.get("name").asText(), k -> new ArrayList<>()).add(c));
    // Counts and byte sizes, written by Value.integer and Value.bytes: int64, or Int64 with a gap.
    for (String count : List.of("summary.csv:seeds", "summary.csv:diverged", "summary.csv:n",
        "grid.csv:grid_count", "memory.csv:parameters", "memory.csv:param_bytes",
        "memory.csv:state_measured", "memory.csv:total",
        "factored.csv:state", "factored.csv:adams_8n", "factored.csv:saved",
        "tuning_trials.csv:study", "tuning_trials.csv:trial", "divergences.csv:seed",
        "divergences.csv:step", "benchmark_budget.csv:k", "stability.csv:n")) {
      assertTrue(columns.containsKey(count), count + " among " + columns.keySet());
      for (JsonNode column : columns.get(count)) {
        if (column.get("values").asInt() == 0) {
          continue; // a column without values has no type to infer
        }
        assertTrue(column.get("dtype").asText().matches("[Ii]nt64"), count + ": " + column);
        assertTrue(column.get("min").isNull() || column.get("min").asDouble() >= 0,
            count + ": a count, never a -1 sentinel");
      }
    }
    // Estimates are floats with their bounds as numbers; the profile's axes are numbers.
    for (String real : List.of("summary.csv:final_loss_mean", "summary.csv:final_loss_ci_low",
        "benchmark_profile.csv:tau", "benchmark_profile.csv:rho_tau",
        "benchmark_scores.csv:speed_up_vs_adam", "memory.csv:multiple")) {
      assertTrue(columns.containsKey(real), real + " among " + columns.keySet());
      for (JsonNode column : columns.get(real)) {
        if (column.get("values").asInt() > 0) {
          assertEquals("Float64", column.get("dtype").asText(), real + ": " + column);
        }
      }
    }
    for (JsonNode column : result.get("columns")) {
      String where = column.get("file").asText() + ": " + column.get("name").asText();
      assertEquals(0, column.get("sentinels").size(), where + " has " + column.get("sentinels"));
      assertFalse(column.get("mixed").asBoolean(), where + ": numbers and a text placeholder");
    }
  }
}
