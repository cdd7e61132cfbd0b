package org.optbench.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optbench.tune.Choice;
import org.optbench.tune.Dimension;
import org.optbench.tune.IntRange;
import org.optbench.tune.LinearRange;
import org.optbench.tune.LogRange;
import org.optbench.tune.SearchSpace;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the {@code tune:} block of a {@code grid.optimizer} entry: each key a hyperparameter of the
 * optimizer, each value a range to search.
 *
 * <pre>{@code
 * - name: sgd
 *   momentum: 0.9
 *   tune:
 *     lr: {log: [1.0e-3, 1.0]}        # log-uniform
 *     dampening: {linear: [0, 0.5]}   # uniform
 *     nesterov: {choice: [false, true]}
 * }</pre>
 *
 * Integer hyperparameters take {@code {int: [low, high]}}. With the {@code grid} sampler each
 * numeric range also gives {@code points: n}. Every bound and choice is checked against the
 * hyperparameter's own range, and every drawn point against the optimizer's rules, before
 * anything trains.
 */
final class TuneBlocks {

  static final String KEY = "tune";

  private static final List<String> FORMS = List.of("log", "linear", "int", "choice");

  private final YamlNodes yaml;
  private final ValueReader values;

  TuneBlocks(YamlNodes yaml) {
    this.yaml = yaml;
    this.values = new ValueReader(yaml);
  }

  /** Whether a {@code grid.optimizer} entry has a {@code tune:} block. */
  static boolean isTuned(Node entry) {
    return entry instanceof MappingNode map
        && map.getValue().stream()
            .anyMatch(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(KEY));
  }

  /** A parsed block: the space, and the grid point counts of its numeric ranges. */
  record Block(SearchSpace space, Map<String, Integer> points, Node node) {}

  /**
   * The search space of {@code entry}'s {@code tune:} block for optimizer {@code def}; {@code
   * fixed} are the keys the entry sets itself, which may not also be tuned.
   */
  Block read(ComponentDef def, MappingNode entry) throws SpecException {
    Map<String, NodeTuple> given = yaml.entries(entry);
    NodeTuple tuple = given.get(KEY);
    String subject = "optimizer " + def.name() + ": tune: ";
    MappingNode block = yaml.map(tuple.getValueNode(), "tune",
        "{lr: {log: [1.0e-4, 1.0e-1]}}");
    Map<String, NodeTuple> ranges = yaml.entries(block);
    if (ranges.isEmpty()) {
      throw yaml.error(block, subject + "is empty; give at least one hyperparameter, e.g."
          + " tune: {lr: {log: [1.0e-4, 1.0e-1]}}");
    }
    List<String> known = def.params().stream().map(ParamDef::name).toList();
    yaml.rejectUnknown(ranges, known,
        key -> subject + "the optimizer has no hyperparameter '" + key + "'");
    List<Dimension> dimensions = new ArrayList<>();
    Map<String, Integer> points = new LinkedHashMap<>();
    for (Map.Entry<String, NodeTuple> range : ranges.entrySet()) {
      String name = range.getKey();
      NodeTuple explicit = given.get(name);
      if (explicit != null) {
        throw yaml.error(range.getValue().getKeyNode(),
            subject + name + " is both set (line "
                + (explicit.getKeyNode().getStartMark().getLine() + 1)
                + ") and tuned; remove one of them");
      }
      ParamDef p = def.param(name).orElseThrow();
      dimensions.add(dimension(p, range.getValue().getValueNode(), subject, points));
    }
    return new Block(new SearchSpace(dimensions), points, block);
  }

  private Dimension dimension(ParamDef p, Node node, String subject, Map<String, Integer> points)
      throws SpecException {
    String example = switch (p.type()) {
      case FLOAT -> "{log: [1.0e-4, 1.0e-1]} or {linear: [0.8, 0.99]}";
      case INT -> "{int: [1, 8]}";
      default -> "{choice: [...]}";
    };
    MappingNode map = yaml.map(node, subject + p.name(), example);
    Map<String, NodeTuple> entries = yaml.entries(map);
    List<String> forms = entries.keySet().stream().filter(FORMS::contains).toList();
    List<String> allowed = new ArrayList<>(FORMS);
    allowed.add("points");
    yaml.rejectUnknown(entries, allowed, key -> subject + p.name() + ": unknown key '" + key + "'");
    if (forms.size() != 1) {
      throw yaml.error(map, subject + p.name() + " needs exactly one of log, linear, int or"
          + " choice, e.g. " + example);
    }
    String form = forms.get(0);
    Node value = entries.get(form).getValueNode();
    NodeTuple pointsTuple = entries.get("points");
    if (pointsTuple != null) {
      if (form.equals("choice")) {
        throw yaml.error(pointsTuple.getKeyNode(), subject + p.name()
            + ": a choice searches all its values; points applies to log, linear and int ranges");
      }
      points.put(p.name(), (Integer) values.read(POINTS, pointsTuple.getValueNode(),
          subject + p.name() + ": "));
    }
    if (form.equals("choice")) {
      return choice(p, value, subject);
    }
    boolean numeric = p.type() == ParamType.FLOAT || p.type() == ParamType.INT;
    if (!numeric) {
      throw yaml.error(entries.get(form).getKeyNode(), subject + p.name() + " is a "
          + p.type().label() + "; search it with {choice: [...]}");
    }
    if (form.equals("int") != (p.type() == ParamType.INT)) {
      throw yaml.error(entries.get(form).getKeyNode(), subject + p.name() + " is "
          + (p.type() == ParamType.INT ? "an integer; search it with {int: [low, high]}"
              : "a number; search it with {log: [low, high]} or {linear: [low, high]}"));
    }
    SequenceNode bounds = yaml.list(value, subject + p.name() + "." + form, "[1.0e-4, 1.0e-1]");
    if (bounds.getValue().size() != 2) {
      throw yaml.error(value, subject + p.name() + "." + form + " must be [low, high], got "
          + bounds.getValue().size() + " values");
    }
    Node lowNode = bounds.getValue().get(0);
    Node highNode = bounds.getValue().get(1);
    if (form.equals("log")) {
      // Before the hyperparameter's own range: a log scale has no place for 0 whatever the
      // hyperparameter allows.
      for (Node bound : List.of(lowNode, highNode)) {
        Object v = bound instanceof ScalarNode s ? YamlNodes.value(s) : null;
        if (v instanceof Number n && n.doubleValue() <= 0) {
          throw yaml.error(bound, subject + p.name() + ": a log range must lie above 0 (log 0 is"
              + " −∞), got " + YamlNodes.describe(bound) + "; use a positive low bound such as"
              + " 1.0e-6, or {linear: [...]}");
        }
      }
    }
    String what = subject + p.name() + "." + form + ": ";
    double low = ((Number) values.read(p, lowNode, what)).doubleValue();
    double high = ((Number) values.read(p, highNode, what)).doubleValue();
    if (low == high) {
      throw yaml.error(value, subject + p.name() + ": the range [" + Component.format(low) + ", "
          + Component.format(high) + "] is empty; give low < high, or set " + p.name()
          + " in the entry instead of tuning it");
    }
    if (low > high) {
      throw yaml.error(value, subject + p.name() + ": the range is inverted (low "
          + Component.format(low) + " > high " + Component.format(high) + "); write it as ["
          + Component.format(high) + ", " + Component.format(low) + "]");
    }
    Integer n = points.get(p.name());
    return switch (form) {
      case "log" -> n == null ? new LogRange(p.name(), low, high)
          : new LogRange(p.name(), low, high, n);
      case "linear" -> n == null ? new LinearRange(p.name(), low, high)
          : new LinearRange(p.name(), low, high, n);
      default -> n == null ? new IntRange(p.name(), (long) low, (long) high)
          : new IntRange(p.name(), (long) low, (long) high, n);
    };
  }

  private Dimension choice(ParamDef p, Node value, String subject) throws SpecException {
    SequenceNode list = yaml.list(value, subject + p.name() + ".choice", "[false, true]");
    if (list.getValue().isEmpty()) {
      throw yaml.error(value, subject + p.name() + ": choice is empty; list at least two values");
    }
    List<Object> options = new ArrayList<>();
    for (Node item : list.getValue()) {
      Object v = values.read(p, item, subject + p.name() + ".choice: ");
      if (options.contains(v)) {
        throw yaml.error(item, subject + p.name() + ": choice lists " + Component.format(v)
            + " twice; remove one");
      }
      options.add(v);
    }
    if (options.size() < 2) {
      throw yaml.error(value, subject + p.name() + ": a choice of one value is no search; set "
          + p.name() + ": " + Component.format(options.get(0)) + " in the entry instead");
    }
    return new Choice(p.name(), options);
  }

  /**
   * A drawn value as the hyperparameter's type: integers as Integer, numbers as Double rounded to
   * {@link #DIGITS} significant digits, so that labels, configs and papers show a setting as a
   * person would write it ({@code lr=0.01209}, not {@code lr=0.012088961017970782}); the rounding
   * moves a point by less than 0.05% of its value, far below any tuning resolution.
   */
  static Object typed(ParamDef p, Object drawn) {
    if (p.type() == ParamType.INT && drawn instanceof Number n) {
      return Math.toIntExact(n.longValue());
    }
    if (p.type() == ParamType.FLOAT && drawn instanceof Number n) {
      double v = n.doubleValue();
      if (v == 0 || !Double.isFinite(v)) {
        return v + 0.0;
      }
      return new java.math.BigDecimal(v).round(new java.math.MathContext(DIGITS)).doubleValue();
    }
    return drawn;
  }

  /** Significant digits kept of a drawn real value. */
  static final int DIGITS = 4;

  /**
   * The name a tuned entry has in scores: the optimizer and the hyperparameters it fixes away from
   * their defaults (the tuned ones left out), e.g. {@code sgd(momentum=0.9)}.
   */
  static String name(Component base, List<String> tuned) {
    java.util.StringJoiner joiner = new java.util.StringJoiner(",", base.name() + "(", ")");
    joiner.setEmptyValue(base.name());
    for (ParamDef p : base.def().params()) {
      if (tuned.contains(p.name())) {
        continue;
      }
      Object value = base.params().get(p.name());
      if (!java.util.Objects.equals(value, base.def().defaultFor(p, base.params()))) {
        joiner.add(p.name() + "=" + Component.format(value));
      }
    }
    return joiner.toString();
  }

  private static final ParamDef POINTS = ParamDef.integer("points", null,
      new Range(2, true, 1000, true), "grid points of the range");
}
