package org.optbench.spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A validated experiment: the spec's text and its grid axes, each already expanded into single
 * points (a list-valued hyperparameter becomes several components).
 *
 * @param name experiment name; also the results and report folder name
 * @param description free text from the spec
 * @param source the file the spec came from
 * @param text the spec exactly as written, kept for the manifest
 * @param workloads workload axis
 * @param optimizers optimizer axis
 * @param clips clipping axis
 * @param schedules schedule axis
 * @param seeds seed axis
 * @param dataSeed which data draw the runs train on ({@code data_seed}; default one draw for all)
 * @param engines engine axis
 * @param steps training steps per run
 * @param evalEvery evaluate every this many steps
 * @param claims what the results should show ({@code expect:}), possibly none
 * @param presets points of {@code grid.optimizer} entries that name a preset: each fixes its own
 *     clip and schedule, so it is not crossed with {@code clips} and {@code schedules}
 * @param limits what the spec may ask for ({@code limits:}, or the defaults)
 * @param workloadPositions where each workload's entry was written
 */
public record ExperimentSpec(
    String name,
    String description,
    Path source,
    String text,
    List<Component> workloads,
    List<Component> optimizers,
    List<Component> clips,
    List<Component> schedules,
    List<Long> seeds,
    DataSeed dataSeed,
    List<String> engines,
    int steps,
    int evalEvery,
    List<Claim> claims,
    List<PresetPoint> presets,
    Limits limits,
    Map<Component, SourcePosition> workloadPositions) {

  /** A spec without claims or preset entries, with the default limits. */
  public ExperimentSpec(
      String name,
      String description,
      Path source,
      String text,
      List<Component> workloads,
      List<Component> optimizers,
      List<Component> clips,
      List<Component> schedules,
      List<Long> seeds,
      List<String> engines,
      int steps,
      int evalEvery) {
    this(name, description, source, text, workloads, optimizers, clips, schedules, seeds,
        DataSeed.DEFAULT, engines, steps, evalEvery, List.of(), List.of(), Limits.DEFAULTS, Map.of());
  }

  public ExperimentSpec {
    claims = List.copyOf(claims);
    presets = List.copyOf(presets);
    workloads = List.copyOf(workloads);
    optimizers = List.copyOf(optimizers);
    clips = List.copyOf(clips);
    schedules = List.copyOf(schedules);
    seeds = List.copyOf(seeds);
    engines = List.copyOf(engines);
    workloadPositions = Map.copyOf(workloadPositions);
  }

  /**
   * An error located at {@code workload}'s entry in the spec, for problems found after parsing
   * (its data files, its size against the limits).
   */
  public SpecException errorAt(Component workload, String problem) {
    SourcePosition at = workloadPositions.getOrDefault(workload, SourcePosition.UNKNOWN);
    return new SpecException(source, at.line(), at.column(), problem);
  }

  /**
   * The cartesian product of all axes, in a fixed order (workload, optimizer, clip, schedule,
   * seed, engine) so that runs of one cell over seeds sit together. Within a workload, the
   * preset points follow the plain optimizers, each with its own clip and schedule.
   */
  public List<Cell> cells() {
    List<Cell> cells = new ArrayList<>();
    for (Component workload : workloads) {
      for (Component optimizer : optimizers) {
        for (Component clip : clips) {
          for (Component schedule : schedules) {
            addSeeds(cells, workload, optimizer, clip, schedule);
          }
        }
      }
      for (PresetPoint p : presets) {
        addSeeds(cells, workload, p.optimizer(), p.clip(), p.schedule());
      }
    }
    return cells;
  }

  private void addSeeds(List<Cell> cells, Component workload, Component optimizer,
      Component clip, Component schedule) {
    for (long seed : seeds) {
      for (String engine : engines) {
        cells.add(new Cell(
            workload, optimizer, clip, schedule, seed, dataSeed, engine, steps, evalEvery));
      }
    }
  }

  /** SHA-256 of the spec text, hex: identifies the exact spec a result came from. */
  public String sha256() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
