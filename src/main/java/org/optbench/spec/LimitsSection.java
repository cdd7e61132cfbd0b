package org.optbench.spec;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The optional top-level {@code limits:} key: raises (or lowers) the {@link Limits} of one spec,
 * for a deliberately large study.
 *
 * <pre>{@code
 * limits: {max_runs: 50000, max_params: 200000000}   # keys left out keep their defaults
 * }</pre>
 */
final class LimitsSection {

  static final List<String> KEYS = List.of("max_runs", "max_steps", "max_params", "max_values");

  private final YamlNodes yaml;

  LimitsSection(YamlNodes yaml) {
    this.yaml = yaml;
  }

  /** The spec's limits; {@code tuple} is null when the key is absent. */
  Limits read(NodeTuple tuple) throws SpecException {
    Limits d = Limits.DEFAULTS;
    if (tuple == null) {
      return d;
    }
    MappingNode map = yaml.map(tuple.getValueNode(), "limits", "{max_runs: 50000}");
    Map<String, NodeTuple> entries = yaml.entries(map);
    yaml.rejectUnknown(entries, KEYS, key -> "unknown key '" + key + "' in limits");
    return new Limits(
        value(entries, "max_runs", d.maxRuns(), Long.MAX_VALUE),
        value(entries, "max_steps", d.maxSteps(), Integer.MAX_VALUE),
        value(entries, "max_params", d.maxParams(), Long.MAX_VALUE),
        value(entries, "max_values", d.maxValues(), Limits.VALUES_CEILING));
  }

  private long value(Map<String, NodeTuple> entries, String key, long fallback, long ceiling)
      throws SpecException {
    NodeTuple tuple = entries.get(key);
    if (tuple == null) {
      return fallback;
    }
    Node node = tuple.getValueNode();
    Object value = node instanceof ScalarNode scalar ? YamlNodes.value(scalar) : null;
    if (value instanceof BigInteger) {
      value = Long.MAX_VALUE;
    }
    if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < 1) {
      throw yaml.error(node, "limits." + key + " must be a whole number >= 1, got "
          + YamlNodes.describe(node));
    }
    long number = ((Number) value).longValue();
    if (number > ceiling) {
      throw yaml.error(node, String.format("limits.%s may be at most %,d%s, got %s", key, ceiling,
          key.equals("max_values") ? " (the longest Java array)" : "", YamlNodes.describe(node)));
    }
    return number;
  }
}
