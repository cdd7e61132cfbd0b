package org.optbench.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads an optimizer entry's {@code groups:} list. Each group selects tensors and says how they
 * train:
 *
 * <pre>
 *   groups:
 *     - {select: {name: "bias|norm"}, weight_decay: 0.0}                   # same optimizer
 *     - {select: {rank: 1}, optimizer: {name: adamw, lr: 0.001}}          # another one
 * </pre>
 *
 * Whether the selectors fit a workload's parameters (each selects something, no tensor twice)
 * is checked per workload by {@link ParamAssignment}, since the spec alone does not know them.
 */
final class ParamGroups {

  private static final String EXAMPLE =
      "[{select: {rank: 1}, weight_decay: 0.0}, {select: {name: bias}, optimizer: adamw}]";

  private final YamlNodes yaml;
  private final ComponentResolver components;

  ParamGroups(YamlNodes yaml, ComponentResolver components) {
    this.yaml = yaml;
    this.components = components;
  }

  /** The groups of {@code owner} (one grid point of the entry) that {@code listNode} gives. */
  List<ParamGroup> read(Component owner, Node listNode, String subject) throws SpecException {
    List<ParamGroup> groups = new ArrayList<>();
    List<Node> entries = yaml.list(listNode, subject + "groups", EXAMPLE).getValue();
    for (int i = 0; i < entries.size(); i++) {
      groups.add(group(owner, entries.get(i), subject + "groups[" + i + "]: "));
    }
    return groups;
  }

  private ParamGroup group(Component owner, Node node, String subject) throws SpecException {
    if (!(node instanceof MappingNode map)) {
      throw yaml.error(node, subject + "a group is a map such as {select: {rank: 1},"
          + " weight_decay: 0.0}, got " + YamlNodes.describe(node));
    }
    Map<String, NodeTuple> given = new LinkedHashMap<>(yaml.entries(map));
    NodeTuple select = given.remove("select");
    if (select == null) {
      throw yaml.error(node, subject + "needs 'select' naming its tensors, e.g."
          + " {select: {name: bias}} or {select: {rank: 1}}");
    }
    ParamSelector selector = selector(select.getValueNode(), subject);
    NodeTuple other = given.remove("optimizer");
    if (other == null) {
      if (given.isEmpty()) {
        throw yaml.error(node, subject + "sets nothing; give the hyperparameters that differ"
            + " (e.g. weight_decay: 0.0) or another optimizer (optimizer: adamw)");
      }
      return new ParamGroup(selector,
          components.groupOptimizer(owner.def(), given, node, subject, owner));
    }
    if (!given.isEmpty()) {
      String key = given.keySet().iterator().next();
      throw yaml.error(given.get(key).getKeyNode(), subject + "'" + key + "' next to"
          + " 'optimizer'; put the other optimizer's hyperparameters inside its map, e.g."
          + " optimizer: {name: adamw, " + key + ": ...}");
    }
    Node entry = other.getValueNode();
    if (entry instanceof MappingNode inner
        && yaml.entries(inner).containsKey(ComponentResolver.GROUPS_KEY)) {
      throw yaml.error(entry, subject + "a group's optimizer has no groups of its own");
    }
    List<Component> points = components.entry(Axis.OPTIMIZER, entry);
    if (points.size() != 1) {
      throw yaml.error(entry, subject + "a parameter group takes one value per hyperparameter,"
          + " not a list of alternatives; list the alternatives as separate optimizer entries");
    }
    return new ParamGroup(selector, points.get(0));
  }

  private ParamSelector selector(Node node, String subject) throws SpecException {
    if (!(node instanceof MappingNode map)) {
      throw yaml.error(node, subject + "select is a map such as {name: bias} or {rank: 1}, got "
          + YamlNodes.describe(node));
    }
    Map<String, NodeTuple> given = new LinkedHashMap<>(yaml.entries(map));
    yaml.rejectUnknown(given, List.of("name", "rank"),
        key -> subject + "select: unknown key '" + key + "'");
    Pattern pattern = null;
    Integer rank = null;
    NodeTuple name = given.get("name");
    if (name != null) {
      if (!(name.getValueNode() instanceof ScalarNode text) || text.getValue().isEmpty()) {
        throw yaml.error(name.getValueNode(), subject + "select.name is a regular expression"
            + " such as bias or \"norm|bias\"");
      }
      try {
        pattern = Pattern.compile(text.getValue());
      } catch (PatternSyntaxException e) {
        throw yaml.error(text, subject + "select.name '" + text.getValue()
            + "' is not a regular expression: " + e.getDescription());
      }
    }
    NodeTuple byRank = given.get("rank");
    if (byRank != null) {
      Node value = byRank.getValueNode();
      try {
        rank = value instanceof ScalarNode s ? Integer.valueOf(s.getValue()) : null;
      } catch (NumberFormatException e) {
        rank = null;
      }
      if (rank == null || rank < 0) {
        throw yaml.error(value, subject + "select.rank is a tensor rank (0, 1, 2, ...), got "
            + YamlNodes.describe(value));
      }
    }
    if (pattern == null && rank == null) {
      throw yaml.error(node, subject + "select needs name or rank, e.g. {rank: 1}");
    }
    return new ParamSelector(pattern, rank);
  }
}
