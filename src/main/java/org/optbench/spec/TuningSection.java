package org.optbench.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optbench.tune.Dimension;
import org.optbench.tune.Sampler;
import org.optbench.tune.Trials;
import org.optbench.tune.SearchSpace;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the tuning protocol ({@code tuning:} at top level), the {@code tune:} blocks of {@code
 * grid.optimizer} entries and the workloads' {@code target:} entries into one {@link Tuning}.
 *
 * <pre>{@code
 * tuning:
 *   sampler: quasi_random     # quasi_random (default) | random | grid
 *   trials: 8                 # per study, the same budget for every tuned optimizer
 *   studies: 1                # independent studies (AlgoPerf runs 3)
 *   seed: 1000                # study k: sampler seed and trial run seed 1000 + k
 *   select: final_eval_loss   # final_eval_loss | final_accuracy | final_loss_avg
 *   time: steps               # steps | seconds
 *   r_max: 4                  # performance ratios scored up to here
 *   baseline: adam            # speed-ups are against this tuned optimizer
 *   target: {metric: eval_loss, from: adam}   # for workloads without their own target
 *                             # (within: 0.75 of the steps, by default)
 * }</pre>
 */
final class TuningSection {

  static final String KEY = "tuning";

  private static final List<String> KEYS = List.of(
      "sampler", "trials", "studies", "seed", "select", "time", "r_max", "baseline", "target");

  private static final ParamDef TRIALS = ParamDef.integer("trials", null,
      new Range(1, true, 100_000, true), "trials per study");
  private static final ParamDef STUDIES = ParamDef.integer("studies", 1,
      new Range(1, true, 100, true), "independent studies");
  // The Halton scrambling takes a 32-bit seed (numpy's RandomState), and study k adds k.
  private static final ParamDef SEED = ParamDef.integer("seed", 1000,
      new Range(0, true, 2_000_000_000, true), "first study's seed");
  private static final ParamDef R_MAX = ParamDef.real("r_max", 4.0,
      new Range(1, false, 1e6, true), "largest performance ratio scored");
  private static final ParamDef VALUE = ParamDef.real("value", null, Range.ANY, "target value");
  private static final ParamDef WITHIN = ParamDef.real("within", Target.WITHIN,
      new Range(0, false, 1, true), "share of the steps a derived target is set within");

  private final YamlNodes yaml;
  private final ValueReader values;
  private final ComponentResolver components;
  private final TuneBlocks blocks;

  TuningSection(YamlNodes yaml, ComponentResolver components) {
    this.yaml = yaml;
    this.values = new ValueReader(yaml);
    this.components = components;
    this.blocks = new TuneBlocks(yaml);
  }

  /**
   * The spec's tuning.
   *
   * @param tuning the top-level {@code tuning:} entry, or null
   * @param optimizerList the {@code grid.optimizer} list
   * @param workloads each workload with the entry that gives it
   */
  Tuning read(NodeTuple tuning, Node optimizerList, Map<Component, Node> workloads)
      throws SpecException {
    List<MappingNode> tunedEntries = new ArrayList<>();
    for (Node entry : yaml.list(optimizerList, "grid.optimizer", "[adam]").getValue()) {
      if (TuneBlocks.isTuned(entry)) {
        tunedEntries.add((MappingNode) entry);
      }
    }
    if (tuning == null && !tunedEntries.isEmpty()) {
      NodeTuple tune = yaml.entries(tunedEntries.get(0)).get(TuneBlocks.KEY);
      throw yaml.error(tune.getKeyNode(), "tune: needs the tuning protocol at top level, which"
          + " gives every tuned optimizer the same budget; add e.g. tuning: {trials: 8}");
    }
    if (tuning != null && tunedEntries.isEmpty()) {
      throw yaml.error(tuning.getKeyNode(), "tuning: applies to no optimizer; add a tune: block"
          + " to a grid.optimizer entry, e.g. {name: adam, tune: {lr: {log: [1.0e-4, 1.0e-1]}}}");
    }
    Map<Component, Target> targets = targets(workloads);
    if (tuning == null) {
      return new Tuning(null, List.of(), targets);
    }
    MappingNode map = yaml.map(tuning.getValueNode(), "tuning", "{trials: 8}");
    Map<String, NodeTuple> entries = yaml.entries(map);
    yaml.rejectUnknown(entries, KEYS, key -> "tuning: unknown key '" + key + "'");
    NodeTuple trialsTuple = entries.get("trials");
    if (trialsTuple == null) {
      throw yaml.error(map, "tuning: missing trials, the budget of each study (the same for every"
          + " tuned optimizer); add e.g. trials: 8");
    }
    Sampler sampler = sampler(entries.get("sampler"));
    int trials = (Integer) values.read(TRIALS, trialsTuple.getValueNode(), "tuning: ");
    int studies = integer(STUDIES, entries.get("studies"));
    long seed = integer(SEED, entries.get("seed"));
    SelectMetric select = word(entries.get("select"), SelectMetric.FINAL_EVAL_LOSS,
        SelectMetric::parse, SelectMetric.words(), "select");
    TuningSettings.TimeUnit time = word(entries.get("time"), TuningSettings.TimeUnit.STEPS,
        w -> w.equals("steps") ? TuningSettings.TimeUnit.STEPS
            : w.equals("seconds") ? TuningSettings.TimeUnit.SECONDS : null,
        List.of("steps", "seconds"), "time");
    double rMax = entries.get("r_max") == null ? 4.0
        : (Double) values.read(R_MAX, entries.get("r_max").getValueNode(), "tuning: ");

    List<TunedOptimizer> tuned = new ArrayList<>();
    Map<String, Node> names = new LinkedHashMap<>();
    for (MappingNode entry : tunedEntries) {
      TuneBlocks.Block block = blocks.read(components.definition(Axis.OPTIMIZER, entry), entry);
      checkPoints(sampler, block, trials);
      for (Component base : components.tunedBases(entry, TuneBlocks.KEY)) {
        List<String> tunedNames =
            block.space().dimensions().stream().map(Dimension::name).toList();
        String name = TuneBlocks.name(base, tunedNames);
        Node first = names.putIfAbsent(name, entry);
        if (first != null) {
          throw yaml.error(entry, "grid.optimizer tunes " + name + " twice (first at line "
              + (first.getStartMark().getLine() + 1) + "); remove one, or fix a hyperparameter"
              + " that tells them apart");
        }
        List<List<TunedOptimizer.Point>> studyPoints = new ArrayList<>();
        for (int k = 0; k < studies; k++) {
          studyPoints.add(draw(sampler, block, trials, seed + k, base));
        }
        tuned.add(new TunedOptimizer(name, block.space(), studyPoints));
      }
    }
    String baseline = entries.get("baseline") == null ? ""
        : tunedName(entries.get("baseline").getValueNode(), names, "baseline");
    Target target = entries.get("target") == null ? null
        : target(entries.get("target").getValueNode(), "tuning: target", names);
    for (Target own : targets.values()) {
      if (own.derived() && !names.containsKey(own.from())) {
        throw yaml.error(map, "a workload's target is derived from '" + own.from()
            + "', which no grid.optimizer entry tunes; known: " + String.join(", ", names.keySet()));
      }
    }
    TuningSettings settings = new TuningSettings(
        sampler, trials, studies, seed, select, time, rMax, baseline, target);
    return new Tuning(settings, tuned, targets);
  }

  /** The {@code grid} sampler needs a point count per numeric range; the others take none. */
  private void checkPoints(Sampler sampler, TuneBlocks.Block block, int trials)
      throws SpecException {
    if (sampler != Sampler.GRID) {
      if (!block.points().isEmpty()) {
        throw yaml.error(block.node(), "tune: points applies only to the grid sampler (tuning:"
            + " sampler: grid); remove points, or switch the sampler");
      }
      return;
    }
    long size = 1;
    for (Dimension d : block.space().dimensions()) {
      if (d instanceof org.optbench.tune.Choice choice) {
        size *= choice.values().size();
      } else if (!block.points().containsKey(d.name())) {
        throw yaml.error(block.node(), "tune: the grid sampler needs points: n on " + d.name()
            + ", e.g. " + d.name() + ": {log: [1.0e-4, 1.0e-1], points: " + trials + "}");
      } else {
        size *= block.points().get(d.name());
      }
    }
    if (size != trials) {
      throw yaml.error(block.node(), "tune: this grid has " + size + " points but tuning: trials"
          + " is " + trials + "; every tuned optimizer gets the same budget, so make them equal");
    }
  }

  /** One study's trial points of {@code base}, each checked against the optimizer's rules. */
  private List<TunedOptimizer.Point> draw(Sampler sampler, TuneBlocks.Block block, int trials,
      long seed, Component base) throws SpecException {
    List<TunedOptimizer.Point> points = new ArrayList<>();
    int[] indices = Trials.pointIndices(sampler, trials, seed);
    List<Map<String, Object>> draws = Trials.sample(sampler, block.space(), trials, seed);
    for (int t = 0; t < draws.size(); t++) {
      Map<String, Object> drawn = draws.get(t);
      Map<String, Object> params = new LinkedHashMap<>(base.params());
      drawn.forEach((name, value) ->
          params.put(name, TuneBlocks.typed(base.def().param(name).orElseThrow(), value)));
      Component point = new Component(base.def(), params);
      var broken = ComponentRules.check(point);
      if (broken.isPresent()) {
        throw yaml.error(block.node(), "optimizer " + base.name() + ": tune: the drawn point "
            + point.label() + " breaks a rule: " + broken.get().problem()
            + "; narrow the range or fix the other hyperparameter in the entry");
      }
      points.add(new TunedOptimizer.Point(indices[t], point));
    }
    return points;
  }

  private Map<Component, Target> targets(Map<Component, Node> workloads) throws SpecException {
    Map<Component, Target> targets = new LinkedHashMap<>();
    for (Map.Entry<Component, Node> w : workloads.entrySet()) {
      if (w.getValue() instanceof MappingNode map) {
        NodeTuple t = yaml.entries(map).get(ComponentResolver.TARGET_KEY);
        if (t != null) {
          targets.put(w.getKey(),
              target(t.getValueNode(), "workload " + w.getKey().name() + ": target", null));
        }
      }
    }
    return targets;
  }

  /**
   * {@code {metric: eval_accuracy, value: 0.85}} or {@code {metric: eval_loss, from: adam}}.
   *
   * @param names the tuned optimizers' names; null where they are not known yet (checked later)
   */
  private Target target(Node node, String what, Map<String, Node> names) throws SpecException {
    String example = "{metric: eval_accuracy, value: 0.85} or {metric: eval_loss, from: adam}";
    MappingNode map = yaml.map(node, what, example);
    Map<String, NodeTuple> entries = yaml.entries(map);
    yaml.rejectUnknown(entries, List.of("metric", "value", "from", "within"),
        key -> what + ": unknown key '" + key + "'");
    NodeTuple metricTuple = entries.get("metric");
    if (metricTuple == null) {
      throw yaml.error(map, what + ": missing metric; give e.g. " + example);
    }
    TargetMetric metric = word(metricTuple, null, TargetMetric::parse, TargetMetric.words(),
        what.replace(": target", "") + ": target metric");
    NodeTuple value = entries.get("value");
    NodeTuple from = entries.get("from");
    if ((value == null) == (from == null)) {
      throw yaml.error(map, what + ": give either value (the target itself) or from (the tuned"
          + " optimizer whose final runs set it), e.g. " + example);
    }
    NodeTuple within = entries.get("within");
    if (value != null) {
      if (within != null) {
        throw yaml.error(within.getKeyNode(), what + ": within applies to a target derived with"
            + " from; remove it");
      }
      double v = (Double) values.read(VALUE, value.getValueNode(), what + ": ");
      return new Target(metric, v, "", 1.0);
    }
    String source = names == null ? plainWord(from.getValueNode(), what + ": from")
        : tunedName(from.getValueNode(), names, what + ": from");
    double fraction = within == null ? Target.WITHIN
        : (Double) values.read(WITHIN, within.getValueNode(), what + ": ");
    return new Target(metric, Double.NaN, source, fraction);
  }

  private String tunedName(Node node, Map<String, Node> names, String what)
      throws SpecException {
    String name = plainWord(node, what);
    if (!names.containsKey(name)) {
      List<String> known = List.copyOf(names.keySet());
      throw yaml.error(node, what + " must name a tuned optimizer; '" + name + "' is not one;"
          + " known: " + String.join(", ", known) + Suggestions.didYouMean(name, known));
    }
    return name;
  }

  private String plainWord(Node node, String what) throws SpecException {
    if (!(node instanceof ScalarNode scalar) || YamlNodes.isNull(node)) {
      throw yaml.error(node, what + " must be a name, got " + YamlNodes.describe(node));
    }
    return scalar.getValue();
  }

  private Sampler sampler(NodeTuple tuple) throws SpecException {
    return word(tuple, Sampler.QUASI_RANDOM, TuningSection::samplerOf,
        List.of("quasi_random", "random", "grid"), "sampler");
  }

  private static Sampler samplerOf(String word) {
    return switch (word) {
      case "quasi_random" -> Sampler.QUASI_RANDOM;
      case "random" -> Sampler.RANDOM;
      case "grid" -> Sampler.GRID;
      default -> null;
    };
  }

  private int integer(ParamDef p, NodeTuple tuple) throws SpecException {
    if (tuple == null) {
      return (Integer) p.defaultValue();
    }
    return (Integer) values.read(p, tuple.getValueNode(), "tuning: ");
  }

  private <T> T word(NodeTuple tuple, T fallback, java.util.function.Function<String, T> parse,
      List<String> known, String what) throws SpecException {
    if (tuple == null) {
      return fallback;
    }
    Node node = tuple.getValueNode();
    String prefix = what.contains(":") ? what : "tuning: " + what;
    if (!(node instanceof ScalarNode scalar) || YamlNodes.isNull(node)
        || node instanceof SequenceNode) {
      throw yaml.error(node, prefix + " must be one of " + String.join(", ", known) + ", got "
          + YamlNodes.describe(node));
    }
    T value = parse.apply(scalar.getValue());
    if (value == null) {
      throw yaml.error(node, prefix + ": unknown '" + scalar.getValue() + "'; known: "
          + String.join(", ", known) + Suggestions.didYouMean(scalar.getValue(), known));
    }
    return value;
  }
}
