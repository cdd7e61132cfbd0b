package org.optbench.optim.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.Component;

/**
 * Reads and validates a replay case file. Every problem is reported with the case's file name and
 * the JSON path of the field ({@code params[1].values}, {@code grads[2][0]}); extra keys are
 * ignored.
 */
public final class CaseReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CaseReader() {}

  /** Reads {@code file}; the case is named by the file name. */
  public static ReplayCase read(Path file) throws ReplayException {
    String name = file.getFileName().toString();
    try {
      return parse(name, Files.readString(file));
    } catch (IOException e) {
      throw new ReplayException(name, "(file)", "cannot read: " + e.getMessage());
    }
  }

  /** Parses the JSON text of a case called {@code name}. */
  public static ReplayCase parse(String name, String json) throws ReplayException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ReplayException(name, "(json)", e.getOriginalMessage() + " at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
    }
    if (root == null || !root.isObject()) {
      throw new ReplayException(name, "(json)", "expected a JSON object");
    }
    Component optimizer =
        ComponentResolver.resolve(Axis.OPTIMIZER, require(root, "optimizer", name), name, "optimizer");
    Component clip = root.hasNonNull("clip")
        ? ComponentResolver.resolve(Axis.CLIP, root.get("clip"), name, "clip")
        : Component.withDefaults(Catalog.require(Axis.CLIP, "none"));
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
    return new ReplayCase(name, optimizer, clip, initial, grads, losses, expected);
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
    for (int i = 0; i < node.size(); i++) {
      String where = "params[" + i + "]";
      JsonNode t = node.get(i);
      if (!t.isObject()) {
        throw new ReplayException(name, where, "expected {\"name\", \"shape\", \"values\"}");
      }
      String tensorName = t.hasNonNull("name") ? t.get("name").asText() : "param" + i;
      JsonNode shapeNode = t.get("shape");
      if (shapeNode == null || !shapeNode.isArray()) {
        throw new ReplayException(name, where + ".shape", "expected an array of dimensions");
      }
      int[] shape = new int[shapeNode.size()];
      long size = 1;
      for (int d = 0; d < shape.length; d++) {
        JsonNode dim = shapeNode.get(d);
        if (!dim.isIntegralNumber() || dim.asInt() < 0) {
          throw new ReplayException(name, where + ".shape[" + d + "]",
              "expected a non-negative integer, got " + dim);
        }
        shape[d] = dim.asInt();
        size *= shape[d];
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

  private static List<float[][]> trajectory(JsonNode node, ParamTree like, String name,
      String field) throws ReplayException {
    if (!node.isArray()) {
      throw new ReplayException(name, field, "expected an array with one entry per step");
    }
    List<float[][]> steps = new ArrayList<>();
    for (int t = 0; t < node.size(); t++) {
      JsonNode step = node.get(t);
      String where = field + "[" + t + "]";
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
      steps.add(values);
    }
    return steps;
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
      out[j] = v.floatValue();
    }
    return out;
  }

  private static double[] losses(JsonNode node, int steps, String name) throws ReplayException {
    if (!node.isArray() || node.size() != steps) {
      throw new ReplayException(name, "losses", "expected " + steps + " numbers, one per step");
    }
    double[] out = new double[steps];
    for (int t = 0; t < steps; t++) {
      if (!node.get(t).isNumber()) {
        throw new ReplayException(name, "losses[" + t + "]", "expected a number");
      }
      out[t] = node.get(t).asDouble();
    }
    return out;
  }
}
