package org.optbench.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads an experiment spec (see {@code experiments/quickstart.yaml}) into a validated
 * {@link ExperimentSpec}. The first problem found ends parsing with a {@link SpecException} that
 * names the file, line and column, what is wrong and what to write instead.
 *
 * <pre>{@code
 * ExperimentSpec spec = SpecParser.parse(Path.of("experiments/quickstart.yaml"));
 * spec.cells().forEach(cell -> System.out.println(cell.runId() + " " + cell.label()));
 * }</pre>
 */
public final class SpecParser {

  /** Top-level keys, in the order messages list them. */
  static final List<String> KEYS =
      List.of(
          "name", "description", "workloads", "steps", "eval_every", "record_every", "seeds",
          DataSeed.KEY,
          "engines", "grid", TuningSection.KEY, "expect", CrossCheckMode.KEY, Limits.KEY);

  private static final ParamDef STEPS =
      ParamDef.integer("steps", null, Range.AT_LEAST_ONE, "training steps per run");
  private static final ParamDef EVAL_EVERY =
      ParamDef.integer("eval_every", null, Range.AT_LEAST_ONE, "steps between evaluations");
  private static final ParamDef RECORD_EVERY =
      ParamDef.integer("record_every", null, Range.AT_LEAST_ONE,
          "keep every this many steps' rows in the step table");
  private static final ParamDef SEED =
      ParamDef.integer("seeds", null, Range.NON_NEGATIVE, "seed of one run");

  /**
   * The grid's axes, in the order of their keys, with what an omitted axis means: no clipping,
   * the optimizer's lr throughout. The optimizer has no default: a spec exists to compare them.
   */
  private static final Map<Axis, String> GRID_DEFAULTS = gridDefaults();

  private final YamlNodes yaml;
  private final ValueReader values;
  private final ComponentResolver components;
  /** Each plain optimizer point with its entry, for errors found after parsing. */
  private final Map<Component, Node> optimizerEntries = new LinkedHashMap<>();

  private SpecParser(Path file) {
    this.yaml = new YamlNodes(file);
    this.values = new ValueReader(yaml);
    this.components = new ComponentResolver(yaml);
  }

  /**
   * Reads and validates the spec in {@code file}: a regular file of UTF-8 text, at most 1 MiB
   * ({@link SpecText}).
   */
  public static ExperimentSpec parse(Path file) throws SpecException {
    return parse(file, SpecText.read(file));
  }

  /**
   * Validates {@code text} as if read from {@code file}; {@code file} is only used in messages
   * and kept as {@link ExperimentSpec#source()}.
   */
  public static ExperimentSpec parse(Path file, String text) throws SpecException {
    return new SpecParser(file).spec(text);
  }

  private ExperimentSpec spec(String text) throws SpecException {
    Node root = yaml.compose(text);
    if (root == null) {
      throw new SpecException(
          yaml.file(), 0, 0,
          "empty spec; give at least name, workloads, steps and grid"
              + " (see experiments/quickstart.yaml)");
    }
    MappingNode top =
        yaml.map(root, "the spec", "{name: ..., workloads: ..., steps: ..., grid: ...}");
    Map<String, NodeTuple> entries = yaml.entries(top);
    yaml.rejectUnknown(
        entries, RegressionSection.withKey(KEYS), key -> "unknown key '" + key + "' at top level");
    RegressionSection.read(yaml, entries.get(RegressionSection.KEY));
    Node nameNode = require(entries, top, "name", "name: my_experiment");
    Node workloadsNode = require(entries, top, "workloads", "workloads: [{model: mlp}]");
    Node stepsNode = require(entries, top, "steps", "steps: 300");
    Node gridNode = require(entries, top, "grid", "grid: {optimizer: [adam]}");

    String name = name(nameNode);
    String description = description(entries.get("description"));
    Limits limits = new LimitsSection(yaml).read(entries.get(Limits.KEY));
    new GridSize(yaml, components).check(entries, limits);
    Map<Component, Node> workloads =
        components.located(Axis.WORKLOAD, workloadsNode, "workloads", "[{model: mlp}]");
    int steps = steps(stepsNode, limits);
    // About ten evaluations per run by default: enough for a curve, few enough to stay cheap.
    int evalEvery = stepInterval(EVAL_EVERY, entries.get("eval_every"), steps,
        Math.max(1, steps / 10));
    // Every step by default; long analytic runs (10⁶ steps at a few hundred ns each) would
    // otherwise spend more time and disk on their step table than on training.
    int recordEvery = stepInterval(RECORD_EVERY, entries.get("record_every"), steps, 1);
    List<Long> seeds = seeds(entries.get("seeds"));
    DataSeed dataSeed = dataSeed(entries.get(DataSeed.KEY));
    List<String> engines = engines(entries.get("engines"));
    crossCheck(entries.get(CrossCheckMode.KEY));
    Map<Axis, List<Component>> grid = grid(gridNode);
    List<Claim> claims = new ClaimsSection(yaml).parse(entries.get("expect"));
    List<PresetPoint> presets = presets(gridNode, grid);
    List<Component> schedules = new ArrayList<>(grid.get(Axis.SCHEDULE));
    presets.forEach(p -> schedules.add(p.schedule()));
    requireDecayRoom(schedules, steps, stepsNode);
    Tuning tuning = new TuningSection(yaml, components).read(entries.get(TuningSection.KEY),
        yaml.entries((MappingNode) gridNode).get(Axis.OPTIMIZER.label()).getValueNode(),
        workloads);
    Map<Component, SourcePosition> positions = new LinkedHashMap<>();
    workloads.forEach((workload, node) -> positions.put(workload, new SourcePosition(
        node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1)));
    optimizerEntries.forEach((optimizer, node) -> positions.putIfAbsent(optimizer,
        new SourcePosition(node.getStartMark().getLine() + 1,
            node.getStartMark().getColumn() + 1)));
    return new ExperimentSpec(
        name, description, yaml.file(), text, List.copyOf(workloads.keySet()),
        grid.get(Axis.OPTIMIZER), grid.get(Axis.CLIP), grid.get(Axis.SCHEDULE), seeds, dataSeed, engines,
        steps, evalEvery, recordEvery, claims, presets, limits, positions, tuning);
  }

  private int steps(Node node, Limits limits) throws SpecException {
    int steps = (Integer) values.read(STEPS, node, "");
    Optional<String> problem = limits.check("max_steps", "a run of", steps, "steps");
    if (problem.isPresent()) {
      throw yaml.error(node, problem.get());
    }
    return steps;
  }

  /**
   * The points of {@code grid.optimizer}'s preset entries. Two rules keep the grid honest: when
   * every entry is a preset, {@code grid.clip} and {@code grid.schedule} would apply to nothing,
   * so giving them is an error; and a preset point may not repeat a cell the plain axes already
   * make (the cell would run, and count, twice).
   */
  private List<PresetPoint> presets(Node gridNode, Map<Axis, List<Component>> grid)
      throws SpecException {
    Map<String, NodeTuple> entries = yaml.entries((MappingNode) gridNode);
    Map<PresetPoint, Node> points =
        components.presets(entries.get(Axis.OPTIMIZER.label()).getValueNode(), "grid.optimizer");
    if (points.isEmpty()) {
      return List.of();
    }
    if (grid.get(Axis.OPTIMIZER).isEmpty()) {
      for (Axis axis : List.of(Axis.CLIP, Axis.SCHEDULE)) {
        NodeTuple unused = entries.get(axis.label());
        if (unused != null) {
          throw yaml.error(
              unused.getKeyNode(),
              "grid." + axis.label() + " applies to no optimizer: every grid.optimizer entry is"
                  + " a preset, which brings its own clip and schedule; remove grid."
                  + axis.label() + " or override the preset's values in its entry");
        }
      }
    }
    for (Map.Entry<PresetPoint, Node> point : points.entrySet()) {
      PresetPoint p = point.getKey();
      if (grid.get(Axis.OPTIMIZER).contains(p.optimizer()) && grid.get(Axis.CLIP).contains(p.clip())
          && grid.get(Axis.SCHEDULE).contains(p.schedule())) {
        throw yaml.error(
            point.getValue(),
            "grid.optimizer: preset " + p.preset() + " gives the cell " + p.optimizer().label()
                + " · " + p.clip().label() + " · " + p.schedule().label()
                + ", which the grid's axes already make; remove one");
      }
    }
    return List.copyOf(points.keySet());
  }

  /**
   * A warm-up schedule without total_steps decays over the run, so the run must be longer than
   * the warm-up (the native factory and the engines refuse it otherwise, but only at run time).
   */
  private void requireDecayRoom(List<Component> schedules, int steps, Node stepsNode)
      throws SpecException {
    for (Component s : schedules) {
      if (s.has("total_steps") && s.params().get("total_steps") == null
          && s.integer("warmup_steps") >= steps) {
        throw yaml.error(
            stepsNode,
            "steps (" + steps + ") must exceed warmup_steps of schedule " + s.label() + " ("
                + s.integer("warmup_steps") + "), whose decay ends at the last step; lower"
                + " warmup_steps or set total_steps");
      }
    }
  }

  private static Map<Axis, String> gridDefaults() {
    Map<Axis, String> defaults = new LinkedHashMap<>();
    defaults.put(Axis.OPTIMIZER, null);
    defaults.put(Axis.CLIP, "none");
    defaults.put(Axis.SCHEDULE, "constant");
    return defaults;
  }

  private Node require(Map<String, NodeTuple> entries, Node top, String key, String example)
      throws SpecException {
    NodeTuple tuple = entries.get(key);
    if (tuple == null) {
      throw yaml.error(top, "missing required key '" + key + "'; add e.g. " + example);
    }
    return tuple.getValueNode();
  }

  private String name(Node node) throws SpecException {
    if (!(node instanceof ScalarNode scalar) || YamlNodes.isNull(node)) {
      throw yaml.error(
          node, "name must be a word such as quickstart, got " + YamlNodes.describe(node));
    }
    // The name becomes folder names under results/ and reports/: SafeNames is the one rule.
    Optional<String> problem = SafeNames.problem(scalar.getValue());
    if (problem.isPresent()) {
      throw yaml.error(node, problem.get());
    }
    return scalar.getValue();
  }

  private String description(NodeTuple tuple) throws SpecException {
    if (tuple == null || YamlNodes.isNull(tuple.getValueNode())) {
      return "";
    }
    if (!(tuple.getValueNode() instanceof ScalarNode scalar)) {
      throw yaml.error(
          tuple.getValueNode(),
          "description must be text, got " + YamlNodes.describe(tuple.getValueNode()));
    }
    return scalar.getValue();
  }

  /**
   * A step interval ({@code eval_every}, {@code record_every}): a positive integer no larger than
   * {@code steps}, or {@code absent} when the key is not given.
   */
  private int stepInterval(ParamDef def, NodeTuple tuple, int steps, int absent)
      throws SpecException {
    if (tuple == null) {
      return absent;
    }
    int every = (Integer) values.read(def, tuple.getValueNode(), "");
    if (every > steps) {
      throw yaml.error(tuple.getValueNode(),
          def.name() + " must be <= steps (" + steps + "), got " + every);
    }
    return every;
  }

  private List<Long> seeds(NodeTuple tuple) throws SpecException {
    if (tuple == null) {
      return List.of(0L);
    }
    Map<Long, Node> seeds = new LinkedHashMap<>();
    for (Node node : oneOrMany(tuple.getValueNode(), "seeds", "[0, 1, 2]")) {
      long seed = (Integer) values.read(SEED, node, "");
      Node first = seeds.putIfAbsent(seed, node);
      if (first != null) {
        throw yaml.error(
            node,
            "seeds gives " + seed + " twice (first at line " + (first.getStartMark().getLine() + 1)
                + "); each seed runs once");
      }
    }
    return List.copyOf(seeds.keySet());
  }

  /** {@code data_seed}: a non-negative integer (default 0) or {@code per_seed}. */
  private DataSeed dataSeed(NodeTuple tuple) throws SpecException {
    if (tuple == null) {
      return DataSeed.DEFAULT;
    }
    Node node = tuple.getValueNode();
    if (node instanceof ScalarNode scalar && scalar.getValue().equals(DataSeed.PerSeed.WORD)) {
      return new DataSeed.PerSeed();
    }
    if (node instanceof ScalarNode scalar && scalar.getValue().matches("[0-9]{1,18}")) {
      return new DataSeed.Fixed(Long.parseLong(scalar.getValue()));
    }
    throw yaml.error(node, DataSeed.KEY + " must be a non-negative integer (the seed every run's"
        + " data is drawn from; default 0) or per_seed (each run draws its data from its own"
        + " seed), got " + YamlNodes.describe(node));
  }

  private List<String> engines(NodeTuple tuple) throws SpecException {
    if (tuple == null) {
      return List.of(Catalog.ENGINES.get(0));
    }
    List<String> engines = new ArrayList<>();
    for (Node node : oneOrMany(tuple.getValueNode(), "engines", "[djl]")) {
      if (!(node instanceof ScalarNode scalar) || YamlNodes.isNull(node)) {
        throw yaml.error(
            node, "engines must be words such as djl, got " + YamlNodes.describe(node));
      }
      String engine = scalar.getValue();
      if (!Catalog.ENGINES.contains(engine)) {
        throw yaml.error(
            node,
            "unknown engine '" + engine + "'; known: " + String.join(", ", Catalog.ENGINES)
                + Suggestions.didYouMean(engine, Catalog.ENGINES));
      }
      if (engines.contains(engine)) {
        throw yaml.error(node, "engines gives " + engine + " twice; remove one");
      }
      engines.add(engine);
    }
    return List.copyOf(engines);
  }

  /** Validates {@code crosscheck:}; {@link CrossCheckMode#of} reads the value back. */
  private void crossCheck(NodeTuple tuple) throws SpecException {
    if (tuple == null) {
      return;
    }
    Node node = tuple.getValueNode();
    String word = node instanceof ScalarNode scalar && !YamlNodes.isNull(node)
        ? scalar.getValue() : null;
    if (word == null || CrossCheckMode.parse(word) == null) {
      throw yaml.error(node, "crosscheck must be one of " + CrossCheckMode.words() + ", got "
          + YamlNodes.describe(node));
    }
  }

  /** A list's items, or a single scalar as a list of one ({@code seeds: 0}). */
  private List<Node> oneOrMany(Node node, String what, String example) throws SpecException {
    if (node instanceof ScalarNode) {
      return List.of(node);
    }
    List<Node> items = yaml.list(node, what, example).getValue();
    if (items.isEmpty()) {
      throw yaml.error(
          node, what + " is empty; give at least one, e.g. " + what + ": " + example
              + ", or leave the key out for the default");
    }
    return items;
  }

  private Map<Axis, List<Component>> grid(Node node) throws SpecException {
    MappingNode map = yaml.map(node, "grid", "{optimizer: [adam], clip: [none]}");
    Map<String, NodeTuple> entries = yaml.entries(map);
    List<Axis> axes = List.copyOf(GRID_DEFAULTS.keySet());
    List<String> keys = axes.stream().map(Axis::label).toList();
    yaml.rejectUnknown(entries, keys, key -> "unknown key '" + key + "' in grid");
    if (!entries.containsKey(Axis.OPTIMIZER.label())) {
      throw yaml.error(map, "grid: missing required key 'optimizer'; add e.g. optimizer: [adam]");
    }
    Map<Axis, List<Component>> grid = new LinkedHashMap<>();
    for (Axis axis : axes) {
      NodeTuple tuple = entries.get(axis.label());
      String fallback = GRID_DEFAULTS.get(axis);
      if (tuple == null) {
        grid.put(axis, List.of(Component.withDefaults(Catalog.require(axis, fallback))));
      } else {
        String example = "[" + (fallback != null ? fallback : "adam") + "]";
        Map<Component, Node> located = components.located(
            axis, tuple.getValueNode(), "grid." + axis.label(), example);
        if (axis == Axis.OPTIMIZER) {
          optimizerEntries.putAll(located);
        }
        grid.put(axis, List.copyOf(located.keySet()));
      }
    }
    return grid;
  }
}
