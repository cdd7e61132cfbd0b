package org.optbench.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Malformed optimizer conformance cases: each is one edit of the shipped Adam vector ({@link
 * #BASE}: two tensors of shapes [4, 3] and [3], 12 steps) or a file that is not JSON at all.
 * {@code replay} must refuse each with one line naming the case file and the JSON field.
 */
public final class BadReplayFiles {

  /** A valid case every edit starts from. */
  public static final Path BASE = Path.of("src/test/resources/golden/adam-default.json");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<FuzzCase> cases = new ArrayList<>();

  private BadReplayFiles() {}

  /** Every case, in a fixed order. */
  public static List<FuzzCase> all() {
    BadReplayFiles files = new BadReplayFiles();
    files.notJson();
    files.structure();
    files.tensors();
    files.trajectories();
    files.components();
    return List.copyOf(files.cases);
  }

  private void notJson() {
    String c = "file";
    add(c, "missing", scratch -> scratch.resolve("none.json"));
    add(c, "directory", scratch -> Files.createDirectories(scratch.resolve("case.json")));
    add(c, "fifo", scratch -> SpecialFiles.fifo(scratch.resolve("case.json")));
    add(c, "dev-zero", scratch -> SpecialFiles.device("zero", scratch));
    add(c, "dev-urandom", scratch -> SpecialFiles.device("urandom", scratch));
    text(c, "empty", "");
    text(c, "not-json", "optimizer: adam\n");
    text(c, "truncated", base().toString().substring(0, 500));
    add(c, "binary", scratch -> {
      byte[] bytes = new byte[4096];
      new Random(11).nextBytes(bytes);
      return Files.write(scratch.resolve("case.json"), bytes);
    });
    // (A UTF-16 file with a byte-order mark is no case here: JSON parsers detect that encoding
    // (RFC 8259 §8.1 allows it), and the case is valid.)
    text(c, "deep-nesting-5000", "[".repeat(5000) + "]".repeat(5000));
    text(c, "deep-nesting-in-field", base().toString().replace("\"reference\":",
        "\"deep\":" + "[".repeat(5000) + "]".repeat(5000) + ",\"reference\":"));
    text(c, "over-size-cap", base().toString().replace("\"reference\":\"",
        "\"reference\":\"" + "x".repeat(20 << 20)));
    text(c, "trailing-garbage", base() + " {\"again\": 1}");
  }

  private void structure() {
    String c = "structure";
    text(c, "top-level-array", "[" + base() + "]");
    text(c, "top-level-null", "null");
    text(c, "top-level-number", "42");
    edit(c, "optimizer-missing", root -> root.remove("optimizer"));
    edit(c, "optimizer-null", root -> root.putNull("optimizer"));
    edit(c, "optimizer-string", root -> root.put("optimizer", "adam"));
    edit(c, "params-missing", root -> root.remove("params"));
    edit(c, "params-empty", root -> root.putArray("params"));
    edit(c, "params-object", root -> root.putObject("params"));
    edit(c, "grads-missing", root -> root.remove("grads"));
    edit(c, "grads-null", root -> root.putNull("grads"));
    edit(c, "grads-string", root -> root.put("grads", "many"));
  }

  private void tensors() {
    String c = "tensor";
    edit(c, "shape-missing", root -> param(root, 0).remove("shape"));
    edit(c, "shape-negative", root -> shape(root, 0).set(0, -4));
    edit(c, "shape-fraction", root -> shape(root, 0).set(0, 4.5));
    edit(c, "shape-text", root -> shape(root, 0).set(0, "four"));
    edit(c, "shape-2-pow-32-plus-4", root -> shape(root, 1).set(0, 4294967300L));
    edit(c, "shape-product-overflow", root -> {
      shape(root, 0).set(0, 65536);
      shape(root, 0).set(1, 65537);
    });
    edit(c, "shape-values-mismatch", root -> shape(root, 0).set(0, 5));
    edit(c, "values-missing", root -> param(root, 0).remove("values"));
    edit(c, "values-text", root -> ((ArrayNode) param(root, 0).get("values")).set(0, "x"));
    edit(c, "values-null-entry", root -> ((ArrayNode) param(root, 0).get("values")).setNull(0));
    edit(c, "values-nan-string", root -> ((ArrayNode) param(root, 0).get("values")).set(0, "NaN"));
    text(c, "values-overflow-1e400", base().toString().replaceFirst("\"values\":\\[[-0-9.eE]+",
        "\"values\":[1e400"));
    edit(c, "duplicate-names", root -> param(root, 1).put("name", param(root, 0).get("name").asText()));
    edit(c, "param-not-object", root -> ((ArrayNode) root.get("params")).set(0, 3));
  }

  private void trajectories() {
    String c = "trajectory";
    edit(c, "grads-empty", root -> root.putArray("grads"));
    edit(c, "grads-step-missing-tensor", root -> step(root, "grads", 0).remove(1));
    edit(c, "grads-step-extra-tensor", root -> step(root, "grads", 0).add(step(root, "grads", 0).get(1)));
    edit(c, "grads-tensor-too-short", root -> ((ArrayNode) step(root, "grads", 2).get(0)).remove(0));
    edit(c, "grads-tensor-too-long", root -> ((ArrayNode) step(root, "grads", 2).get(1)).add(0.5));
    edit(c, "grads-text-entry", root -> ((ArrayNode) step(root, "grads", 3).get(0)).set(0, "g"));
    edit(c, "grads-step-scalar", root -> ((ArrayNode) root.get("grads")).set(4, 1.0));
    edit(c, "expected-fewer-steps", root -> ((ArrayNode) root.get("expected")).remove(11));
    edit(c, "expected-tensor-too-short", root -> ((ArrayNode) step(root, "expected", 0).get(1)).remove(0));
    edit(c, "expected-missing-with-check", root -> root.remove("expected"));
    edit(c, "losses-wrong-length", root -> root.putArray("losses").add(1.0).add(2.0));
    edit(c, "losses-text", root -> {
      ArrayNode losses = root.putArray("losses");
      for (int t = 0; t < root.get("grads").size(); t++) {
        losses.add("low");
      }
    });
  }

  private void components() {
    String c = "component";
    edit(c, "optimizer-unknown", root -> ((ObjectNode) root.get("optimizer")).put("name", "adma"));
    edit(c, "optimizer-name-missing", root -> ((ObjectNode) root.get("optimizer")).remove("name"));
    edit(c, "lr-text", root -> ((ObjectNode) root.get("optimizer")).put("lr", "fast"));
    edit(c, "lr-negative", root -> ((ObjectNode) root.get("optimizer")).put("lr", -0.01));
    edit(c, "lr-nan-string", root -> ((ObjectNode) root.get("optimizer")).put("lr", "NaN"));
    edit(c, "unknown-hyperparameter", root -> ((ObjectNode) root.get("optimizer")).put("betas", 0.9));
    edit(c, "beta1-one", root -> ((ObjectNode) root.get("optimizer")).put("beta1", 1.0));
    edit(c, "clip-unknown", root -> root.putObject("clip").put("name", "clamp_all"));
    edit(c, "clip-max-norm-negative", root ->
        root.putObject("clip").put("name", "global_norm").put("max_norm", -2.0));
    edit(c, "clip-string", root -> root.put("clip", "global_norm"));
  }

  private static ObjectNode base() {
    try {
      return (ObjectNode) JSON.readTree(BASE.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode param(ObjectNode root, int i) {
    return (ObjectNode) root.get("params").get(i);
  }

  private static ArrayNode shape(ObjectNode root, int i) {
    return (ArrayNode) param(root, i).get("shape");
  }

  private static ArrayNode step(ObjectNode root, String field, int t) {
    return (ArrayNode) root.get(field).get(t);
  }

  private void edit(String category, String name, Consumer<ObjectNode> change) {
    ObjectNode root = base();
    change.accept(root);
    text(category, name, root.toString());
  }

  private void text(String category, String name, String text) {
    add(category, name, scratch -> Files.writeString(scratch.resolve("case.json"), text));
  }

  private void add(String category, String name, FuzzCase.Input input) {
    cases.add(new FuzzCase("replay-" + category, name, input));
  }
}
