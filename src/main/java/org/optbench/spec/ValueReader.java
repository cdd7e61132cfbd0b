package org.optbench.spec;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns one YAML value into the Java value a {@link ParamDef} declares, checking its type, range
 * and choices. Messages start with a subject such as {@code "optimizer sgd: "} and name the
 * parameter, the value as written and what is allowed.
 */
final class ValueReader {

  /**
   * Decimal numbers with an optional exponent. Used for text in FLOAT fields: quoted numbers and
   * YAML 1.1 parsers that read {@code 1e-3} as a string. Narrower than Double.parseDouble, which
   * would also accept "NaN", "Infinity", hex floats and a trailing "d".
   */
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

  private final YamlNodes yaml;

  ValueReader(YamlNodes yaml) {
    this.yaml = yaml;
  }

  /** The value {@code node} gives for {@code p}; {@code null} only where {@code p} allows it. */
  Object read(ParamDef p, Node node, String subject) throws SpecException {
    if (YamlNodes.isNull(node)) {
      if (p.optional()) {
        return null;
      }
      String fallback =
          p.required()
              ? ""
              : " or leave the key out for the default " + Component.format(p.defaultValue());
      throw yaml.error(
          node, subject + p.name() + " must not be null; give " + article(p.type()) + fallback);
    }
    return switch (p.type()) {
      case FLOAT -> real(p, node, subject);
      case INT -> integer(p, p.name(), node, subject);
      case BOOL -> flag(p, node, subject);
      case STRING -> word(p, node, subject);
      case INT_LIST -> integers(p, node, subject);
    };
  }

  private Double real(ParamDef p, Node node, String subject) throws SpecException {
    Object value = node instanceof ScalarNode scalar ? YamlNodes.value(scalar) : null;
    double number;
    if (value instanceof Number n) {
      number = n.doubleValue();
    } else if (value instanceof String text && DECIMAL.matcher(text.trim()).matches()) {
      number = Double.parseDouble(text.trim());
    } else {
      throw got(node, subject + p.name() + " must be a number");
    }
    checkRange(p.range(), p.name(), number, node, subject);
    // -0.0 and 0.0 are the same setting; without this they would make two grid points.
    return number + 0.0;
  }

  private Integer integer(ParamDef p, String what, Node node, String subject)
      throws SpecException {
    Object value = node instanceof ScalarNode scalar ? YamlNodes.value(scalar) : null;
    if (value instanceof Long || value instanceof BigInteger) {
      throw got(node, subject + what + " is too large for an integer");
    }
    if (!(value instanceof Integer number)) {
      throw got(node, subject + what + " must be an integer");
    }
    checkRange(p.range(), what, number, node, subject);
    return number;
  }

  private Boolean flag(ParamDef p, Node node, String subject) throws SpecException {
    Object value = node instanceof ScalarNode scalar ? YamlNodes.value(scalar) : null;
    if (!(value instanceof Boolean b)) {
      throw got(node, subject + p.name() + " must be true or false");
    }
    return b;
  }

  private String word(ParamDef p, Node node, String subject) throws SpecException {
    if (!(node instanceof ScalarNode scalar)) {
      throw got(node, subject + p.name() + " must be a word");
    }
    String text = scalar.getValue();
    if (!p.choices().isEmpty() && !p.choices().contains(text)) {
      throw yaml.error(
          node,
          subject + p.name() + " must be one of " + String.join(", ", p.choices()) + ", got '"
              + text + "'" + Suggestions.didYouMean(text, p.choices()));
    }
    return text;
  }

  private List<Integer> integers(ParamDef p, Node node, String subject) throws SpecException {
    if (!(node instanceof SequenceNode list)) {
      throw got(node, subject + p.name() + " must be a list of integers such as [64]");
    }
    if (list.getValue().isEmpty()) {
      throw yaml.error(node, subject + "empty list for " + p.name() + ": give at least one value");
    }
    List<Integer> values = new ArrayList<>();
    for (Node item : list.getValue()) {
      values.add(integer(p, p.name() + " entries", item, subject));
    }
    return List.copyOf(values);
  }

  private void checkRange(Range range, String what, double value, Node node, String subject)
      throws SpecException {
    if (range.contains(value)) {
      return;
    }
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw got(node, subject + what + " must be a finite number");
    }
    String allowed = range.describe();
    // Intervals read "in [0, 1)"; one-sided bounds read "> 0".
    String phrase = allowed.startsWith("[") || allowed.startsWith("(") ? "in " + allowed : allowed;
    throw got(node, subject + what + " must be " + phrase);
  }

  /** An error at {@code node} that ends by quoting the value written there. */
  private SpecException got(Node node, String problem) {
    return yaml.error(node, problem + ", got " + YamlNodes.describe(node));
  }

  private static String article(ParamType type) {
    return switch (type) {
      case INT -> "an integer";
      case BOOL -> "true or false";
      case STRING -> "a word";
      default -> "a " + type.label();
    };
  }
}
