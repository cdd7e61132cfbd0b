package org.optbench.spec;

import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The number of runs a spec's grid has, counted from its YAML before any axis is expanded:
 * workloads × (optimizers × clips × schedules + preset points) × seeds × engines, each axis the
 * sum over its entries of the product of their alternatives. Nine lines with a few aliased lists
 * can ask for millions of runs; counting first keeps such a grid from being built at all.
 */
final class GridSize {

  private final YamlNodes yaml;
  private final ComponentResolver components;

  GridSize(YamlNodes yaml, ComponentResolver components) {
    this.yaml = yaml;
    this.components = components;
  }

  /**
   * Fails when the grid has more runs than {@code limits} allow, pointing at its largest axis.
   *
   * @param top the spec's top-level entries
   */
  void check(Map<String, NodeTuple> top, Limits limits) throws SpecException {
    Node workloads = top.get("workloads").getValueNode();
    Node grid = top.get("grid").getValueNode();
    Map<String, NodeTuple> axes =
        grid instanceof MappingNode map ? yaml.entries(map) : Map.of();
    Factor w = new Factor(workloads, components.count(Axis.WORKLOAD, workloads, false));
    Factor o = axis(axes, Axis.OPTIMIZER, false, grid);
    Factor presets = axis(axes, Axis.OPTIMIZER, true, grid);
    Factor c = axis(axes, Axis.CLIP, false, grid);
    Factor s = axis(axes, Axis.SCHEDULE, false, grid);
    Factor seeds = items(top.get("seeds"), grid);
    Factor engines = items(top.get("engines"), grid);
    long perWorkload = SaturatingMath.add(
        SaturatingMath.multiply(SaturatingMath.multiply(o.count, c.count), s.count),
        presets.count);
    // A tuned entry trains studies × trials trials and reruns each study's choice on every seed.
    long tunedPerWorkload = SaturatingMath.multiply(SaturatingMath.multiply(SaturatingMath.multiply(
        tunedEntries(axes), c.count), s.count), SaturatingMath.multiply(
            number(top, "studies", 1), SaturatingMath.add(number(top, "trials", 1), seeds.count)));
    long runs = SaturatingMath.multiply(SaturatingMath.add(
        SaturatingMath.multiply(SaturatingMath.multiply(w.count, perWorkload), seeds.count),
        SaturatingMath.multiply(w.count, tunedPerWorkload)), engines.count);
    String product = String.format(
        "(%,d workloads × %s%,d optimizers × %,d clips × %,d schedules%s × %,d seeds × %,d"
            + " engines)",
        w.count, presets.count > 0 ? "(" : "", o.count, c.count, s.count,
        presets.count > 0 ? String.format(" + %,d preset points)", presets.count) : "",
        seeds.count, engines.count);
    var problem = limits.check("max_runs", "the grid has", runs, "runs " + product);
    if (problem.isPresent()) {
      Factor largest = w;
      for (Factor f : new Factor[] {o, presets, c, s, seeds, engines}) {
        if (f.count > largest.count) {
          largest = f;
        }
      }
      throw yaml.error(largest.node, problem.get());
    }
  }

  /** How many grid.optimizer entries have a tune: block. */
  private static long tunedEntries(Map<String, NodeTuple> axes) {
    NodeTuple list = axes.get(Axis.OPTIMIZER.label());
    if (list == null || !(list.getValueNode() instanceof SequenceNode entries)) {
      return 0;
    }
    return entries.getValue().stream().filter(TuneBlocks::isTuned).count();
  }

  /** An integer of the {@code tuning:} block as written, {@code fallback} when absent or odd. */
  private static long number(Map<String, NodeTuple> top, String key, long fallback) {
    NodeTuple tuning = top.get(TuningSection.KEY);
    if (tuning == null || !(tuning.getValueNode() instanceof MappingNode map)) {
      return fallback;
    }
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)
          && t.getValueNode() instanceof ScalarNode v && v.getValue().matches("[0-9]{1,9}")) {
        return Long.parseLong(v.getValue());
      }
    }
    return fallback;
  }

  /** One factor of the product and the node to point at when it is the largest. */
  private record Factor(Node node, long count) {}

  private Factor axis(Map<String, NodeTuple> axes, Axis axis, boolean presets, Node grid)
      throws SpecException {
    NodeTuple tuple = axes.get(axis.label());
    if (tuple == null) {
      // An omitted axis is its default, one point; an omitted preset list, none.
      return new Factor(grid, presets ? 0 : 1);
    }
    return new Factor(tuple.getValueNode(),
        components.count(axis, tuple.getValueNode(), presets));
  }

  /** A list's length; one for a single value or an omitted key (its default). */
  private static Factor items(NodeTuple tuple, Node fallback) {
    if (tuple == null) {
      return new Factor(fallback, 1);
    }
    Node node = tuple.getValueNode();
    return new Factor(node, node instanceof SequenceNode list ? list.getValue().size() : 1);
  }
}
