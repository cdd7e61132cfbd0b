package org.optbench.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.optbench.spec.SafeNames;

/**
 * Builds a {@link Manifest} from the JSON tree of {@code manifest.json}, field by field, refusing
 * what a damaged or hand-edited file holds instead of a manifest optbench wrote: a missing,
 * {@code null} or wrongly typed field, a date that is not ISO-8601, a negative or inconsistent
 * count, a status other than {@code complete}/{@code partial}, an experiment name that could not
 * be a folder name ({@link SafeNames}). Keys a later version adds are ignored.
 */
final class ManifestCheck {

  private final Path file;
  private final JsonNode root;
  private final String fix;

  private ManifestCheck(Path file, JsonNode root, String fix) {
    this.file = file;
    this.root = root;
    this.fix = fix;
  }

  /**
   * The manifest in {@code root}, the parsed content of {@code file}.
   *
   * @param fix what the user can do about a damaged manifest, appended to every message
   * @throws ResultSetException naming the file and the first field at fault
   */
  static Manifest of(Path file, JsonNode root, String fix) {
    if (root == null || root.isMissingNode()) {
      throw new ResultSetException(file, "is empty; " + fix);
    }
    if (!root.isObject()) {
      throw new ResultSetException(
          file, "holds " + kind(root) + ", not a JSON object of manifest fields; " + fix);
    }
    return new ManifestCheck(file, root, fix).manifest();
  }

  private Manifest manifest() {
    String experiment = text("experiment");
    SafeNames.problem(experiment).ifPresent(problem -> {
      throw bad("experiment", problem);
    });
    String started = instant("started");
    String finished = instant("finished");
    int cells = count("cells");
    int runs = count("runs");
    int diverged = count("diverged_runs");
    String status = text("status");
    if (!status.equals(Manifest.COMPLETE) && !status.equals(Manifest.PARTIAL)) {
      throw bad("status", FileCheck.shown(status) + " is neither complete nor partial");
    }
    if (runs > cells) {
      throw bad("runs", runs + " runs, more than the grid's " + cells + " cells");
    }
    if (diverged > runs) {
      throw bad("diverged_runs", diverged + " diverged runs, more than the " + runs + " runs");
    }
    String expected = runs == cells ? Manifest.COMPLETE : Manifest.PARTIAL;
    if (!status.equals(expected)) {
      throw bad("status", "'" + status + "' but " + runs + " of " + cells + " runs are present");
    }
    return new Manifest(
        schemaVersion(),
        experiment,
        optionalText("description"),
        text("spec_file"),
        text("spec_sha256"),
        text("spec_text"),
        text("optbench_version"),
        text("git_commit"),
        text("java_version"),
        text("djl_version"),
        text("pytorch_version"),
        count("threads"),
        text("os"),
        text("cpu"),
        count("cores"),
        started,
        finished,
        cells,
        runs,
        diverged,
        status);
  }

  /**
   * The result set's schema version: 1 when absent (written before the field existed), and no
   * newer than this optbench reads.
   */
  private int schemaVersion() {
    if (root.get("schema_version") == null) {
      return 1;
    }
    int version = count("schema_version");
    if (version < 1 || version > Manifest.SCHEMA_VERSION) {
      throw new ResultSetException(file, "field schema_version: " + version + ", but this"
          + " optbench reads result sets of schema versions 1 to " + Manifest.SCHEMA_VERSION
          + "; read it with the optbench that wrote it (its optbench_version), or update"
          + " optbench");
    }
    return version;
  }

  private JsonNode required(String field) {
    JsonNode value = root.get(field);
    if (value == null) {
      throw bad(field, "missing");
    }
    if (value.isNull()) {
      throw bad(field, "null");
    }
    return value;
  }

  private String text(String field) {
    JsonNode value = required(field);
    if (!value.isTextual()) {
      throw bad(field, kind(value) + ", expected text");
    }
    return value.textValue();
  }

  /** The description may be absent or null: specs need not have one. */
  private String optionalText(String field) {
    JsonNode value = root.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw bad(field, kind(value) + ", expected text");
    }
    return value.textValue();
  }

  /** A non-negative count that fits an int; 12.0 or "12" is not one. */
  private int count(String field) {
    JsonNode value = required(field);
    if (!value.isIntegralNumber()) {
      throw bad(field, kind(value) + ", expected a whole number");
    }
    if (!value.canConvertToInt() || value.intValue() < 0) {
      throw bad(field, value + " is not a count (0 to " + Integer.MAX_VALUE + ")");
    }
    return value.intValue();
  }

  private String instant(String field) {
    String value = text(field);
    try {
      Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw bad(field, FileCheck.shown(value)
          + " is not an ISO-8601 UTC time such as 2026-11-21T14:30:05Z");
    }
    return value;
  }

  private ResultSetException bad(String field, String problem) {
    return new ResultSetException(file, "field " + field + ": " + problem + "; " + fix);
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case NULL -> "null";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "text " + FileCheck.shown(node.textValue());
      case NUMBER -> "the number " + node;
      case BOOLEAN -> "the value " + node;
      default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }
}
