package org.optbench.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * How one spec entry becomes several grid points: a list given for a hyperparameter lists
 * alternatives, and the alternatives of all hyperparameters combine as a cartesian product.
 */
final class GridExpansion {

  /** One alternative value and where it was written ({@code null} for a default). */
  record Choice(Object value, Node node) {}

  private final YamlNodes yaml;

  GridExpansion(YamlNodes yaml) {
    this.yaml = yaml;
  }

  /**
   * The nodes that each give one value of {@code p}. For scalar types a list means alternatives.
   * For INT_LIST a list of integers is itself one value, so only a list of lists means
   * alternatives: {@code hidden: [64, 64]} is one network, {@code hidden: [[64], [128]]} two.
   */
  List<Node> alternatives(ParamDef p, Node node, String subject) throws SpecException {
    if (!(node instanceof SequenceNode list)) {
      return List.of(node);
    }
    List<Node> items = list.getValue();
    if (items.isEmpty()) {
      throw yaml.error(node, subject + "empty list for " + p.name() + ": give at least one value");
    }
    if (p.type() != ParamType.INT_LIST) {
      return items;
    }
    long nested = items.stream().filter(SequenceNode.class::isInstance).count();
    if (nested == 0) {
      return List.of(node);
    }
    if (nested < items.size()) {
      throw yaml.error(
          node,
          subject + p.name() + " mixes lists and numbers; write one value as [64, 64] or"
              + " several as [[64], [64, 64]]");
    }
    return items;
  }

  /**
   * Every combination of the alternatives, the first parameter varying slowest, so points come
   * out in the order the definition lists its parameters and the spec lists its values.
   */
  static List<Map<String, Choice>> product(Map<String, List<Choice>> alternatives) {
    List<Map<String, Choice>> points = new ArrayList<>();
    points.add(new LinkedHashMap<>());
    for (Map.Entry<String, List<Choice>> param : alternatives.entrySet()) {
      List<Map<String, Choice>> next = new ArrayList<>();
      for (Map<String, Choice> point : points) {
        for (Choice choice : param.getValue()) {
          Map<String, Choice> extended = new LinkedHashMap<>(point);
          extended.put(param.getKey(), choice);
          next.add(extended);
        }
      }
      points = next;
    }
    return points;
  }
}
