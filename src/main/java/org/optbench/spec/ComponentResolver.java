package org.optbench.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Resolves the entries of one axis list against the {@link Catalog}: a bare word is a component
 * with all defaults; a map names the component under {@link Axis#nameKey()} and sets some of its
 * parameters, each to one value or to a list of alternatives.
 */
final class ComponentResolver {

  /** A workload entry's target for time-to-target ({@link TuningSection}); not a parameter. */
  static final String TARGET_KEY = "target";

  /** An optimizer entry's parameter groups ({@link ParamGroups}); not a hyperparameter. */
  static final String GROUPS_KEY = "groups";

  private final YamlNodes yaml;
  private final ValueReader values;
  private final GridExpansion expansion;
  private final ParamGroups groups;

  ComponentResolver(YamlNodes yaml) {
    this.yaml = yaml;
    this.values = new ValueReader(yaml);
    this.expansion = new GridExpansion(yaml);
    this.groups = new ParamGroups(yaml, this);
  }

  /**
   * Every point the entries of {@code list} give, in order. {@code where} names the list in
   * messages ({@code grid.optimizer}). A point given twice is an error: it would run the same
   * cells twice and count them twice in every mean.
   */
  List<Component> axis(Axis axis, Node listNode, String where, String example)
      throws SpecException {
    return List.copyOf(located(axis, listNode, where, example).keySet());
  }

  /** {@link #axis}'s points, each with the entry that gives it, in order. */
  Map<Component, Node> located(Axis axis, Node listNode, String where, String example)
      throws SpecException {
    List<Node> entries = yaml.list(listNode, where, example).getValue();
    if (entries.isEmpty()) {
      throw yaml.error(
          listNode, where + " is empty; list at least one " + axis.label() + ", e.g. " + example);
    }
    Map<Component, Node> points = new LinkedHashMap<>();
    for (Node entry : entries) {
      if (axis == Axis.OPTIMIZER && (isPreset(entry) || TuneBlocks.isTuned(entry))) {
        continue; // presets and tuned entries make their own points
      }
      for (Component point : entry(axis, entry)) {
        Node first = points.putIfAbsent(point, entry);
        if (first != null) {
          throw yaml.error(
              entry,
              where + " gives " + point.label() + " twice (first at line "
                  + (first.getStartMark().getLine() + 1) + "); remove one");
        }
      }
    }
    return points;
  }

  /**
   * How many points the entries of {@code listNode} give, without making them: per entry, the
   * product of the numbers of alternatives of its parameters, summed over the entries. With
   * {@code presets} it counts only preset entries ({@code {preset: ...}}), otherwise only the
   * others. An entry of the wrong shape counts as one: resolving it reports the problem.
   */
  long count(Axis axis, Node listNode, boolean presets) throws SpecException {
    if (!(listNode instanceof SequenceNode list)) {
      return 1;
    }
    long total = 0;
    for (Node entry : list.getValue()) {
      boolean preset = axis == Axis.OPTIMIZER && isPreset(entry);
      if (axis == Axis.OPTIMIZER && TuneBlocks.isTuned(entry)) {
        continue; // counted with the tuning budget (GridSize)
      }
      if (preset == presets) {
        total = SaturatingMath.add(total, preset ? presetCount(entry) : entryCount(axis, entry));
      }
    }
    return total;
  }

  private long entryCount(Axis axis, Node entry) throws SpecException {
    if (!(entry instanceof MappingNode map)) {
      return 1;
    }
    Map<String, NodeTuple> given = yaml.entries(map);
    NodeTuple named = given.get(axis.nameKey());
    if (named == null || !(named.getValueNode() instanceof ScalarNode name)) {
      return 1;
    }
    Optional<ComponentDef> def = Catalog.find(axis, name.getValue());
    if (def.isEmpty()) {
      return 1;
    }
    String subject = axis.label() + " " + def.get().name() + ": ";
    long count = 1;
    for (Map.Entry<String, NodeTuple> setting : given.entrySet()) {
      Optional<ParamDef> p = def.get().param(setting.getKey());
      if (p.isPresent()) {
        count = SaturatingMath.multiply(count,
            expansion.alternatives(p.get(), setting.getValue().getValueNode(), subject).size());
      }
    }
    return count;
  }

  private long presetCount(Node entry) throws SpecException {
    Map<String, NodeTuple> given = yaml.entries((MappingNode) entry);
    Node nameNode = given.get("preset").getValueNode();
    Optional<PresetDef> preset = nameNode instanceof ScalarNode name
        ? PresetDef.find(name.getValue()) : Optional.empty();
    if (preset.isEmpty()) {
      return 1;
    }
    String subject = "preset " + preset.get().name() + ": ";
    long count = 1;
    for (Map.Entry<String, NodeTuple> setting : given.entrySet()) {
      for (Component base : preset.get().components()) {
        Optional<ParamDef> p = base.def().param(setting.getKey());
        if (p.isPresent()) {
          count = SaturatingMath.multiply(count,
              expansion.alternatives(p.get(), setting.getValue().getValueNode(), subject).size());
        }
      }
    }
    return count;
  }

  /** The points one entry gives: one, or several when it lists alternatives. */
  List<Component> entry(Axis axis, Node entry) throws SpecException {
    String key = axis.nameKey();
    String shape =
        axis.label() + " entry must be a name such as " + firstName(axis) + " or a map such as {"
            + key + ": " + firstName(axis) + "}";
    Node nameNode;
    Map<String, NodeTuple> given;
    if (entry instanceof MappingNode map) {
      given = yaml.entries(map);
      NodeTuple named = given.get(key);
      if (named == null) {
        throw yaml.error(
            entry,
            axis.label() + " entry needs '" + key + "', e.g. {" + key + ": " + firstName(axis)
                + "}");
      }
      nameNode = named.getValueNode();
    } else if (entry instanceof ScalarNode && !YamlNodes.isNull(entry)) {
      given = Map.of();
      nameNode = entry;
    } else {
      throw yaml.error(entry, shape + ", got " + YamlNodes.describe(entry));
    }
    if (!(nameNode instanceof ScalarNode nameScalar) || YamlNodes.isNull(nameNode)) {
      throw yaml.error(nameNode, shape + ", got " + YamlNodes.describe(nameNode));
    }
    ComponentDef def = find(axis, nameScalar);
    String subject = axis.label() + " " + def.name() + ": ";
    if (axis == Axis.WORKLOAD && given.containsKey(TARGET_KEY)) {
      given = new LinkedHashMap<>(given);
      given.remove(TARGET_KEY);
    }
    NodeTuple groupsNode = null;
    if (axis == Axis.OPTIMIZER && given.containsKey(GROUPS_KEY)) {
      given = new LinkedHashMap<>(given);
      groupsNode = given.remove(GROUPS_KEY);
    }
    rejectUnknown(axis, def, given, subject);
    List<Component> points = points(def, given, entry, subject, null);
    if (groupsNode == null) {
      return points;
    }
    List<Component> grouped = new ArrayList<>();
    for (Component point : points) {
      grouped.add(point.withGroups(groups.read(point, groupsNode.getValueNode(), subject)));
    }
    return grouped;
  }

  /**
   * The one optimizer a parameter group's map resolves to: the entry's own with {@code given}
   * overriding some hyperparameters ({@code base} non-null), or the optimizer {@code given}
   * names. Alternatives are refused: a group has one setting per grid point.
   */
  Component groupOptimizer(ComponentDef def, Map<String, NodeTuple> given, Node at,
      String subject, Component base) throws SpecException {
    rejectUnknown(Axis.OPTIMIZER, def, given, subject);
    List<Component> points =
        points(def, given, at, subject, base == null ? null : base.params());
    if (points.size() != 1) {
      throw yaml.error(at, subject + "a parameter group takes one value per hyperparameter,"
          + " not a list of alternatives; list the alternatives as separate optimizer entries");
    }
    return points.get(0);
  }

  /** The definition a map entry names under {@link Axis#nameKey()} (already checked). */
  ComponentDef definition(Axis axis, MappingNode entry) throws SpecException {
    NodeTuple named = yaml.entries(entry).get(axis.nameKey());
    if (named == null || !(named.getValueNode() instanceof ScalarNode name)) {
      throw yaml.error(entry, axis.label() + " entry needs '" + axis.nameKey() + "', e.g. {"
          + axis.nameKey() + ": " + firstName(axis) + "}");
    }
    return find(axis, name);
  }

  /**
   * The points a tuned optimizer entry fixes, its {@code key} block left out: the hyperparameters
   * it sets (alternatives too), the tuned ones at their defaults until a trial sets them.
   */
  List<Component> tunedBases(MappingNode entry, String key) throws SpecException {
    ComponentDef def = definition(Axis.OPTIMIZER, entry);
    Map<String, NodeTuple> given = new LinkedHashMap<>(yaml.entries(entry));
    given.remove(key);
    String subject = "optimizer " + def.name() + ": ";
    if (given.containsKey(GROUPS_KEY)) {
      throw yaml.error(given.get(GROUPS_KEY).getKeyNode(), subject + "a tuned entry cannot have"
          + " parameter groups (a group's settings would not follow the drawn trials); tune an"
          + " entry without groups, or list the grouped settings as plain entries");
    }
    rejectUnknown(Axis.OPTIMIZER, def, given, subject);
    // The rules are checked on each drawn trial instead: a base may break one (Adafactor without
    // the lr it is about to tune) that every trial satisfies.
    return points(def, given, entry, subject, null, false);
  }

  /** Whether an optimizer entry names a preset ({@code {preset: gpt3, ...}}). */
  static boolean isPreset(Node entry) {
    return entry instanceof MappingNode map
        && map.getValue().stream()
            .anyMatch(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("preset"));
  }

  /**
   * Every point the preset entries of {@code listNode} give, in order, each with the line of its
   * entry. A key other than {@code preset} sets a hyperparameter of the preset's optimizer, clip
   * or schedule (whichever has it); a list gives alternatives, as elsewhere.
   */
  Map<PresetPoint, Node> presets(Node listNode, String where) throws SpecException {
    Map<PresetPoint, Node> points = new LinkedHashMap<>();
    for (Node entry : yaml.list(listNode, where, "[adam]").getValue()) {
      if (!isPreset(entry)) {
        continue;
      }
      for (PresetPoint point : preset((MappingNode) entry)) {
        Node first = points.putIfAbsent(point, entry);
        if (first != null) {
          throw yaml.error(
              entry,
              where + " gives " + point.label() + " twice (first at line "
                  + (first.getStartMark().getLine() + 1) + "); remove one");
        }
      }
    }
    return points;
  }

  private List<PresetPoint> preset(MappingNode entry) throws SpecException {
    Map<String, NodeTuple> given = yaml.entries(entry);
    Node nameNode = given.get("preset").getValueNode();
    List<String> known = PresetDef.ALL.stream().map(PresetDef::name).toList();
    if (!(nameNode instanceof ScalarNode nameScalar) || YamlNodes.isNull(nameNode)) {
      throw yaml.error(nameNode, "preset must be a name such as " + known.get(0) + ", got "
          + YamlNodes.describe(nameNode));
    }
    Optional<PresetDef> found = PresetDef.find(nameScalar.getValue());
    if (found.isEmpty()) {
      throw yaml.error(
          nameNode,
          "unknown preset '" + nameScalar.getValue() + "'; known: " + String.join(", ", known)
              + Suggestions.didYouMean(nameScalar.getValue(), known));
    }
    PresetDef preset = found.get();
    String subject = "preset " + preset.name() + ": ";
    Map<String, NodeTuple> settings = new LinkedHashMap<>(given);
    settings.remove("preset");
    List<String> params = new ArrayList<>();
    preset.components().forEach(c -> params.addAll(c.params().keySet()));
    yaml.rejectUnknown(settings, params, key -> subject + "unknown hyperparameter '" + key + "'");
    List<List<Component>> axes = new ArrayList<>();
    for (Component base : preset.components()) {
      Map<String, NodeTuple> own = new LinkedHashMap<>();
      settings.forEach((key, tuple) -> {
        if (base.has(key)) {
          own.put(key, tuple);
        }
      });
      axes.add(points(base.def(), own, entry, subject, base.params()));
    }
    List<PresetPoint> points = new ArrayList<>();
    for (Component optimizer : axes.get(0)) {
      for (Component clip : axes.get(1)) {
        for (Component schedule : axes.get(2)) {
          points.add(new PresetPoint(preset.name(), optimizer, clip, schedule));
        }
      }
    }
    return points;
  }

  private ComponentDef find(Axis axis, ScalarNode name) throws SpecException {
    Optional<ComponentDef> def = Catalog.find(axis, name.getValue());
    if (def.isPresent()) {
      return def.get();
    }
    List<String> known = Catalog.components(axis).stream().map(ComponentDef::name).toList();
    boolean unsupported = Catalog.unsupported(axis).containsKey(name.getValue());
    throw yaml.error(
        name,
        Catalog.unknownName(axis, name.getValue())
            + (unsupported ? "" : Suggestions.didYouMean(name.getValue(), known)));
  }

  private void rejectUnknown(
      Axis axis, ComponentDef def, Map<String, NodeTuple> given, String subject)
      throws SpecException {
    String noun = axis == Axis.WORKLOAD ? "parameter" : "hyperparameter";
    Map<String, NodeTuple> settings = new LinkedHashMap<>(given);
    settings.remove(axis.nameKey());
    if (def.params().isEmpty() && !settings.isEmpty()) {
      String key = settings.keySet().iterator().next();
      throw yaml.error(
          settings.get(key).getKeyNode(),
          axis.label() + " " + def.name() + " takes no " + noun + "s, got '" + key + "'");
    }
    List<String> known = def.params().stream().map(ParamDef::name).toList();
    yaml.rejectUnknown(settings, known, key -> subject + "unknown " + noun + " '" + key + "'");
  }

  /**
   * @param base values for the parameters {@code given} leaves out (a preset's); null for the
   *     definition's defaults
   */
  private List<Component> points(
      ComponentDef def, Map<String, NodeTuple> given, Node entry, String subject,
      Map<String, Object> base) throws SpecException {
    return points(def, given, entry, subject, base, true);
  }

  private List<Component> points(
      ComponentDef def, Map<String, NodeTuple> given, Node entry, String subject,
      Map<String, Object> base, boolean checkRules) throws SpecException {
    Map<String, List<GridExpansion.Choice>> alternatives = new LinkedHashMap<>();
    List<ParamDef> leftOut = new ArrayList<>();
    for (ParamDef p : def.params()) {
      NodeTuple tuple = given.get(p.name());
      if (tuple == null) {
        leftOut.add(p);
      }
      List<GridExpansion.Choice> choices = new ArrayList<>();
      if (tuple == null) {
        if (base != null) {
          choices.add(new GridExpansion.Choice(base.get(p.name()), null));
          alternatives.put(p.name(), choices);
          continue;
        }
        if (p.required()) {
          throw yaml.error(
              entry,
              subject + "missing required " + p.name() + " (" + p.description() + ")");
        }
        choices.add(new GridExpansion.Choice(p.defaultValue(), null));
      } else {
        for (Node node : expansion.alternatives(p, tuple.getValueNode(), subject)) {
          choices.add(new GridExpansion.Choice(values.read(p, node, subject), node));
        }
      }
      alternatives.put(p.name(), choices);
    }
    List<Component> components = new ArrayList<>();
    for (Map<String, GridExpansion.Choice> point : GridExpansion.product(alternatives)) {
      Map<String, Object> params = new LinkedHashMap<>();
      point.forEach((name, choice) -> params.put(name, choice.value()));
      // Left-out parameters follow the preset this point chose (a grid may list several sizes).
      for (ParamDef p : leftOut) {
        params.put(p.name(), base != null ? base.get(p.name()) : def.defaultFor(p, params));
      }
      Component component = new Component(def, params);
      Optional<RuleViolation> broken =
          checkRules ? ComponentRules.check(component) : Optional.empty();
      if (broken.isPresent()) {
        Node at = point.get(broken.get().param()).node();
        throw yaml.error(at == null ? entry : at, subject + broken.get().problem());
      }
      components.add(component);
    }
    return components;
  }

  private static String firstName(Axis axis) {
    return Catalog.components(axis).get(0).name();
  }
}
