package org.optbench.optim.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.Component;
import org.optbench.spec.CurvatureNeed;
import org.optbench.spec.ParserMessages;

/**
 * Reads and validates a replay case file. Every problem is reported with the case's file name and
 * the JSON path of the field ({@code params[1].values}, {@code grads[2][0]}); extra keys are
 * ignored.
 *
 * <p>Nothing is narrowed silently: a dimension must fit an int and the shape's product an array,
 * every value a 32-bit float (1e39 is refused, not turned into infinity). The file must be a
 * regular file within {@link #MAX_BYTES} (a pipe would block the reader), and JSON nested deeper
 * than {@link #MAX_DEPTH}, a key given twice or text after the case are refused before the
 * case is built.
 */
public final class CaseReader {

  /** Largest case file read: the golden vectors are about 5 KB; this is 16M floats as text. */
  static final long MAX_BYTES = 256L << 20;

  /** A case nests 4 levels ({@code grads[t][i][j]}); anything much deeper is not a case. */
  static final int MAX_DEPTH = 16;

  private static final ObjectMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private CaseReader() {}

  /** Reads {@code file}; the case is named by the file name. */
  public static ReplayCase read(Path file) throws ReplayException {
    String name = String.valueOf(file.getFileName());
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new ReplayException(name, "(file)", "no such file: " + file);
    } catch (IOException e) {
      throw new ReplayException(name, "(file)", "cannot read " + file + ": " + e.getMessage());
    }
    if (attributes.isDirectory()) {
      throw new ReplayException(name, "(file)", file + " is a folder, not a case file");
    }
    if (!attributes.isRegularFile()) {
      throw new ReplayException(
          name, "(file)", file + " is not a regular file (a pipe, device or socket)");
    }
    if (attributes.size() > MAX_BYTES) {
      throw new ReplayException(name, "(file)", file + " is " + attributes.size()
          + " bytes, more than the " + MAX_BYTES + " a case file may have");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ReplayException(name, "(file)", "cannot read " + file + ": " + e.getMessage());
    }
    return parse(name, bytes);
  }

  /** Parses the JSON text of a case called {@code name}. */
  public static ReplayCase parse(String name, String json) throws ReplayException {
    return parse(name, json.getBytes(StandardCharsets.UTF_8));
  }

  private static ReplayCase parse(String name, byte[] json) throws ReplayException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (StreamConstraintsException e) {
      throw new ReplayException(name, "(json)", "nested deeper than " + MAX_DEPTH
          + " levels, which no case needs" + ParserMessages.at(e.getLocation()));
    } catch (JsonProcessingException e) {
      throw new ReplayException(name, "(json)", ParserMessages.oneLine(e.getOriginalMessage())
          + ParserMessages.at(e.getLocation()));
    } catch (IOException e) {
      throw new ReplayException(name, "(json)", "cannot parse: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new ReplayException(name, "(json)", "expected a JSON object");
    }
    Component optimizer =
        ComponentResolver.resolve(Axis.OPTIMIZER, require(root, "optimizer", name), name, "optimizer");
    Component clip = root.hasNonNull("clip")
        ? ComponentResolver.resolve(Axis.CLIP, root.get("clip"), name, "clip")
        : Component.withDefaults(Catalog.require(Axis.CLIP, "none"));
    Component schedule = root.hasNonNull("schedule")
        ? ComponentResolver.resolve(Axis.SCHEDULE, root.get("schedule"), name, "schedule")
        : Component.withDefaults(Catalog.require(Axis.SCHEDULE, "constant"));
    ParamTree initial = params(require(root, "params", name), name);
    List<float[][]> grads = trajectory(require(root, "grads", name), initial, name, "grads");
    List<float[][]> expected = null;
    if (root.hasNonNull("expected")) {
      expected = trajectory(root.get("expected"), initial, name, "expected");
      if (expected.size() != grads.size()) {
        throw new ReplayException(name, "expected", expected.size() + " steps, but grads has "
            + grads.size());
      }
    }
    double[] losses = null;
    if (root.hasNonNull("losses")) {
      losses = losses(root.get("losses"), grads.size(), name);
    }
    List<float[][]> hessians = hessianDiagonals(root.get("hessian_diagonals"), optimizer,
        initial, grads.size(), name);
    return new ReplayCase(name, optimizer, clip, schedule, initial, grads, losses, expected,
        hessians);
  }

  /**
   * The per-step Hessian-diagonal estimates: required, as one entry per step, for an optimizer
   * that takes them (Sophia), an array per tensor at each step where one is due and null at the
   * others; refused for any other optimizer, which would ignore them.
   */
  private static List<float[][]> hessianDiagonals(JsonNode node, Component optimizer,
      ParamTree initial, int steps, String name) throws ReplayException {
    String field = "hessian_diagonals";
    boolean takes = CurvatureNeed.takesEstimates(optimizer);
    if (node == null || node.isNull()) {
      if (takes) {
        throw new ReplayException(name, field, "required: optimizer " + optimizer.name()
            + " takes a Hessian-diagonal estimate at the steps its update_interval names");
      }
      return null;
    }
    if (!takes) {
      throw new ReplayException(name, field, "optimizer " + optimizer.name()
          + " takes no Hessian-diagonal estimate; remove the field");
    }
    if (!node.isArray() || node.size() != steps) {
      throw new ReplayException(name, field, "expected " + steps
          + " entries, one per step (null at steps without an estimate)");
    }
    List<float[][]> out = new ArrayList<>(steps);
    for (int t = 1; t <= steps; t++) {
      JsonNode step = node.get(t - 1);
      String where = field + "[" + (t - 1) + "]";
      boolean due = CurvatureNeed.dueAt(optimizer, t);
      if (step.isNull()) {
        if (due) {
          throw new ReplayException(name, where, "step " + t + " refreshes the estimate"
              + " (steps 1, 1 + k, 1 + 2k, … for update_interval k); give one array per tensor");
        }
        out.add(null);
        continue;
      }
      if (!due) {
        throw new ReplayException(name, where, "step " + t + " does not refresh the estimate"
            + " (steps 1, 1 + k, 1 + 2k, … for update_interval k); write null");
      }
      out.add(perTensor(step, initial, name, where));
    }
    return out;
  }



  private static JsonNode require(JsonNode root, String key, String name) throws ReplayException {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      throw new ReplayException(name, key, "required");
    }
    return node;
  }

  private static ParamTree params(JsonNode node, String name) throws ReplayException {
    if (!node.isArray() || node.isEmpty()) {
      throw new ReplayException(name, "params", "expected a non-empty array of tensors");
    }
    List<Tensor> tensors = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      String where = "params[" + i + "]";
      JsonNode t = node.get(i);
      if (!t.isObject()) {
        throw new ReplayException(name, where, "expected {\"name\", \"shape\", \"values\"}");
      }
      String tensorName = tensorName(t, i, name, where);
      if (!names.add(tensorName)) {
        throw new ReplayException(name, where + ".name", "'" + tensorName
            + "' names an earlier tensor too; tensor names must differ");
      }
      JsonNode shapeNode = t.get("shape");
      if (shapeNode == null || !shapeNode.isArray()) {
        throw new ReplayException(name, where + ".shape", "expected an array of dimensions");
      }
      int[] shape = new int[shapeNode.size()];
      long size = 1;
      for (int d = 0; d < shape.length; d++) {
        shape[d] = dimension(shapeNode.get(d), name, where + ".shape[" + d + "]");
        size *= shape[d];
        if (size > MAX_ELEMENTS) {
          throw new ReplayException(name, where + ".shape", "shape " + shapeNode
              + " has more elements than a tensor can hold (" + MAX_ELEMENTS + ")");
        }
      }
      float[] values = floats(t.get("values"), name, where + ".values");
      if (values.length != size) {
        throw new ReplayException(name, where + ".values", "shape " + Arrays.toString(shape)
            + " needs " + size + " values, got " + values.length);
      }
      tensors.add(new Tensor(tensorName, shape, values));
    }
    return ParamTree.of(tensors);
  }

  /** Elements of the largest array a JVM allocates. */
  private static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

  private static String tensorName(JsonNode t, int i, String name, String where)
      throws ReplayException {
    JsonNode node = t.get("name");
    if (node == null || node.isNull()) {
      return "param" + i;
    }
    if (!node.isTextual()) {
      throw new ReplayException(name, where + ".name", "expected text, got " + node);
    }
    return node.textValue();
  }

  /** A dimension: a non-negative JSON integer that fits an int, never narrowed. */
  private static int dimension(JsonNode dim, String name, String where) throws ReplayException {
    if (!dim.isIntegralNumber()) {
      throw new ReplayException(name, where, "expected a non-negative integer, got " + dim);
    }
    if (!dim.canConvertToInt()) {
      throw new ReplayException(name, where, dim + " does not fit a 32-bit integer");
    }
    if (dim.intValue() < 0) {
      throw new ReplayException(name, where, "expected a non-negative integer, got " + dim);
    }
    return dim.intValue();
  }

  private static List<float[][]> trajectory(JsonNode node, ParamTree like, String name,
      String field) throws ReplayException {
    if (!node.isArray()) {
      throw new ReplayException(name, field, "expected an array with one entry per step");
    }
    List<float[][]> steps = new ArrayList<>();
    for (int t = 0; t < node.size(); t++) {
      steps.add(perTensor(node.get(t), like, name, field + "[" + t + "]"));
    }
    return steps;
  }

  /** One step's arrays, one per tensor of {@code like}, each of that tensor's size. */
  private static float[][] perTensor(JsonNode step, ParamTree like, String name, String where)
      throws ReplayException {
    if (!step.isArray() || step.size() != like.size()) {
      throw new ReplayException(name, where,
          "expected " + like.size() + " arrays, one per tensor in params");
    }
    float[][] values = new float[like.size()][];
    for (int i = 0; i < like.size(); i++) {
      values[i] = floats(step.get(i), name, where + "[" + i + "]");
      if (values[i].length != like.get(i).size()) {
        throw new ReplayException(name, where + "[" + i + "]", "tensor '" + like.get(i).name()
            + "' has " + like.get(i).size() + " values, got " + values[i].length);
      }
    }
    return values;
  }

  private static float[] floats(JsonNode node, String name, String where) throws ReplayException {
    if (node == null || !node.isArray()) {
      throw new ReplayException(name, where, "expected an array of numbers");
    }
    float[] out = new float[node.size()];
    for (int j = 0; j < out.length; j++) {
      JsonNode v = node.get(j);
      if (!v.isNumber()) {
        throw new ReplayException(name, where + "[" + j + "]", "expected a number, got " + v);
      }
      double value = v.doubleValue();
      if (!Float.isFinite((float) value)) {
        throw new ReplayException(name, where + "[" + j + "]",
            (Double.isFinite(value) ? value : "the value") + " does not fit a 32-bit float");
      }
      out[j] = (float) value;
    }
    return out;
  }

  private static double[] losses(JsonNode node, int steps, String name) throws ReplayException {
    if (!node.isArray() || node.size() != steps) {
      throw new ReplayException(name, "losses", "expected " + steps + " numbers, one per step");
    }
    double[] out = new double[steps];
    for (int t = 0; t < steps; t++) {
      JsonNode v = node.get(t);
      if (!v.isNumber()) {
        throw new ReplayException(name, "losses[" + t + "]", "expected a number, got " + v);
      }
      if (!Double.isFinite(v.doubleValue())) {
        throw new ReplayException(name, "losses[" + t + "]", "too large to be a finite number");
      }
      out[t] = v.doubleValue();
    }
    return out;
  }
}
