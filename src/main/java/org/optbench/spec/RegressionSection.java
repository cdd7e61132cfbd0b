package org.optbench.spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The optional top-level {@code regression:} key of a spec: per-metric overrides of the tolerances
 * {@code optbench compare} uses (see README, "Nightly regression checks").
 *
 * <pre>{@code
 * regression:
 *   final_loss: {widen: 2.0, rtol: 0.1}   # band = seed range widened 2× each side, ≥ 10 % of the median
 *   steps_per_second: off                 # not compared (different machines)
 * }</pre>
 */
public final class RegressionSection {

  /** The top-level key. */
  public static final String KEY = "regression";

  /** Metrics {@code compare} checks, in report order. */
  public static final List<String> METRICS =
      List.of(
          "final_loss", "best_loss", "final_accuracy", "steps_to_target", "diverged_runs",
          "optimizer_state_bytes", "steps_per_second");

  private static final List<String> FIELDS = List.of("widen", "rtol", "atol");

  /**
   * One metric's override; a null field keeps the default.
   *
   * @param off the metric is not compared
   * @param widen the seed range is widened by this many times its width on each side
   * @param rtol least half-width of the band, relative to the baseline median
   * @param atol least half-width of the band, absolute
   */
  public record Override(boolean off, Double widen, Double rtol, Double atol) {}

  private RegressionSection() {}

  /** The top-level keys of a spec: {@code known} plus this one. */
  static List<String> withKey(List<String> known) {
    return java.util.stream.Stream.concat(known.stream(), java.util.stream.Stream.of(KEY)).toList();
  }

  /** The overrides in a spec's text; empty when it has no {@code regression:} key. */
  public static Map<String, Override> read(String specText) throws SpecException {
    YamlNodes yaml = new YamlNodes(Path.of("spec"));
    Node root = yaml.compose(specText);
    if (!(root instanceof MappingNode top)) {
      return Map.of();
    }
    return read(yaml, yaml.entries(top).get(KEY));
  }

  /** Validates and reads the section; {@code tuple} is null when the key is absent. */
  static Map<String, Override> read(YamlNodes yaml, NodeTuple tuple) throws SpecException {
    Map<String, Override> overrides = new LinkedHashMap<>();
    if (tuple == null) {
      return overrides;
    }
    MappingNode section =
        yaml.map(tuple.getValueNode(), "regression", "{final_loss: {rtol: 0.1}, steps_per_second: off}");
    Map<String, NodeTuple> metrics = yaml.entries(section);
    yaml.rejectUnknown(metrics, METRICS, key -> "unknown metric '" + key + "' in regression");
    for (Map.Entry<String, NodeTuple> metric : metrics.entrySet()) {
      Node value = metric.getValue().getValueNode();
      if (value instanceof ScalarNode scalar && "off".equals(scalar.getValue())) {
        overrides.put(metric.getKey(), new Override(true, null, null, null));
        continue;
      }
      MappingNode fields = yaml.map(value, "regression." + metric.getKey(), "off or {widen: 1.0, rtol: 0.05, atol: 0}");
      Map<String, NodeTuple> entries = yaml.entries(fields);
      yaml.rejectUnknown(entries, FIELDS, key -> "unknown field '" + key + "' in regression." + metric.getKey());
      Double[] numbers = new Double[FIELDS.size()];
      for (int i = 0; i < FIELDS.size(); i++) {
        NodeTuple field = entries.get(FIELDS.get(i));
        if (field != null) {
          numbers[i] = nonNegative(yaml, field.getValueNode(), metric.getKey() + "." + FIELDS.get(i));
        }
      }
      overrides.put(metric.getKey(), new Override(false, numbers[0], numbers[1], numbers[2]));
    }
    return overrides;
  }

  private static double nonNegative(YamlNodes yaml, Node node, String what) throws SpecException {
    if (node instanceof ScalarNode scalar) {
      try {
        double value = Double.parseDouble(scalar.getValue());
        if (value >= 0 && Double.isFinite(value)) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw yaml.error(node, "regression." + what + " must be a number ≥ 0, got " + YamlNodes.describe(node));
  }
}
