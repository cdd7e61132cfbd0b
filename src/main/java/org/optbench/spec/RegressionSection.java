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
 * The optional top-level {@code regression:} key of a spec: per-metric settings of {@code optbench
 * compare} (see README, "Nightly regression checks"). {@code rtol} and {@code atol} set a metric's
 * practical margin, {@code max(atol, rtol·|baseline mean|)}: where runs are not bit-reproducible,
 * a regression is a 95% interval of the per-seed difference lying entirely beyond it. Where they
 * are, any change of a seed counts, and the margin is not used.
 *
 * <pre>{@code
 * regression:
 *   final_loss: {rtol: 0.05}        # a regression only when worse by more than 5 % of the mean
 *   steps_per_second: {rtol: 0.3}   # judged (off by default), relative to the set's median
 *   best_loss: off                  # not compared
 * }</pre>
 */
public final class RegressionSection {

  /** The top-level key. */
  public static final String KEY = "regression";

  /** Metrics {@code compare} checks, in report order. */
  public static final List<String> METRICS =
      List.of(
          "final_loss", "final_loss_avg", "best_loss", "final_eval_loss", "final_accuracy",
          "steps_to_target", "diverged", "optimizer_state_bytes", "steps_per_second");

  /** Metrics judged exactly, per seed: they have no margin to set, only {@code off}. */
  public static final List<String> EXACT = List.of("diverged", "optimizer_state_bytes");

  private static final List<String> FIELDS = List.of("rtol", "atol");

  /**
   * One metric's setting; a null field keeps the default.
   *
   * @param off the metric is not compared ({@code off}); false for {@code on} or a map of fields,
   *     which also switch on a metric that is off by default
   * @param rtol the practical margin relative to the baseline mean
   * @param atol the least practical margin, absolute
   */
  public record Override(boolean off, Double rtol, Double atol) {}

  private RegressionSection() {}

  /** The top-level keys of a spec: {@code known} plus this one. */
  static List<String> withKey(List<String> known) {
    return java.util.stream.Stream.concat(known.stream(), java.util.stream.Stream.of(KEY)).toList();
  }

  /**
   * The overrides in a spec's text; empty when it has no {@code regression:} key.
   *
   * @param source the file the text was read from, named in errors
   */
  public static Map<String, Override> read(Path source, String specText) throws SpecException {
    YamlNodes yaml = new YamlNodes(source);
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
        yaml.map(tuple.getValueNode(), "regression", "{final_loss: {rtol: 0.05}, best_loss: off}");
    Map<String, NodeTuple> metrics = yaml.entries(section);
    yaml.rejectUnknown(metrics, METRICS, key -> "unknown metric '" + key + "' in regression");
    for (Map.Entry<String, NodeTuple> metric : metrics.entrySet()) {
      Node value = metric.getValue().getValueNode();
      if (value instanceof ScalarNode scalar
          && ("off".equals(scalar.getValue()) || "on".equals(scalar.getValue()))) {
        overrides.put(metric.getKey(), new Override("off".equals(scalar.getValue()), null, null));
        continue;
      }
      if (EXACT.contains(metric.getKey())) {
        throw yaml.error(value, "regression." + metric.getKey() + " is judged exactly, per seed;"
            + " it takes on or off, got " + YamlNodes.describe(value));
      }
      MappingNode fields =
          yaml.map(value, "regression." + metric.getKey(), "off, on or {rtol: 0.01, atol: 0}");
      Map<String, NodeTuple> entries = yaml.entries(fields);
      yaml.rejectUnknown(entries, FIELDS, key -> key.equals("widen")
          ? "regression." + metric.getKey() + ".widen is gone: compare no longer widens the seed"
              + " range but judges per-seed differences, and rtol/atol set the margin (README)"
          : "unknown field '" + key + "' in regression." + metric.getKey());
      Double[] numbers = new Double[FIELDS.size()];
      for (int i = 0; i < FIELDS.size(); i++) {
        NodeTuple field = entries.get(FIELDS.get(i));
        if (field != null) {
          numbers[i] = nonNegative(yaml, field.getValueNode(), metric.getKey() + "." + FIELDS.get(i));
        }
      }
      overrides.put(metric.getKey(), new Override(false, numbers[0], numbers[1]));
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
