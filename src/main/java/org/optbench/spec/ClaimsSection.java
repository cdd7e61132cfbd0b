package org.optbench.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.optbench.spec.check.CheckExpr;
import org.optbench.spec.check.CheckParser;
import org.optbench.spec.check.CheckSyntaxException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The {@code expect:} section: a list of {claim, source, check}. Checks are parsed here so that a
 * malformed one is reported at its line and column before anything runs; which columns they may
 * name is checked against the result schema by the claims evaluator's validation.
 */
final class ClaimsSection {

  private static final List<String> KEY_ORDER = List.of("claim", "source", "check");

  private final YamlNodes yaml;

  ClaimsSection(YamlNodes yaml) {
    this.yaml = yaml;
  }

  List<Claim> parse(NodeTuple tuple) throws SpecException {
    if (tuple == null || YamlNodes.isNull(tuple.getValueNode())) {
      return List.of();
    }
    SequenceNode list =
        yaml.list(tuple.getValueNode(), "expect", "[{claim: ..., check: ...}]");
    List<Claim> claims = new ArrayList<>();
    for (Node item : list.getValue()) {
      MappingNode map = yaml.map(item, "an expect entry", "{claim: ..., source: ..., check: ...}");
      Map<String, NodeTuple> entries = yaml.entries(map);
      yaml.rejectUnknown(entries, KEY_ORDER, key -> "unknown key '" + key + "' in expect");
      ScalarNode claim = text(entries, map, "claim", "claim: Adam beats SGD here");
      ScalarNode check = text(entries, map, "check",
          "check: median(final_loss | optimizer=adam) < median(final_loss | optimizer=sgd)");
      String source = "";
      if (entries.containsKey("source")) {
        source = text(entries, map, "source", "source: Kingma & Ba 2015, §6.2").getValue();
      }
      claims.add(new Claim(claim.getValue(), source, check.getValue(), check(check),
          check.getStartMark().getLine() + 1, check.getStartMark().getColumn() + 1));
    }
    return claims;
  }

  private CheckExpr check(ScalarNode node) throws SpecException {
    try {
      return CheckParser.parse(node.getValue());
    } catch (CheckSyntaxException e) {
      // Point into the check itself when it is written on one line; quotes shift it by one.
      boolean quoted = node.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN;
      boolean oneLine = node.getStartMark().getLine() == node.getEndMark().getLine();
      int column = node.getStartMark().getColumn() + 1 + (oneLine ? e.offset() + (quoted ? 1 : 0) : 0);
      throw new SpecException(yaml.file(), node.getStartMark().getLine() + 1, column,
          "check: " + e.getMessage());
    }
  }

  private ScalarNode text(Map<String, NodeTuple> entries, Node map, String key, String example)
      throws SpecException {
    NodeTuple tuple = entries.get(key);
    if (tuple == null) {
      throw yaml.error(map, "expect entry: missing required key '" + key + "'; add e.g. " + example);
    }
    Node value = tuple.getValueNode();
    if (!(value instanceof ScalarNode scalar) || YamlNodes.isNull(value)
        || scalar.getValue().isBlank()) {
      throw yaml.error(value, key + " must be text, got " + YamlNodes.describe(value));
    }
    return scalar;
  }

}
