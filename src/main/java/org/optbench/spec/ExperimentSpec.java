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
 * @param recordEvery keep every this many steps' rows in the step table ({@code record_every},
 *     default 1: every step; see {@link Cell#recordsStep})
 * @param claims what the results should show ({@code expect:}), possibly none
 * @param presets points of {@code grid.optimizer} entries that name a preset: each fixes its own
 *     clip and schedule, so it is not crossed with {@code clips} and {@code schedules}
 * @param limits what the spec may ask for ({@code limits:}, or the defaults)
 * @param workloadPositions where each workload's and each plain optimizer point's entry was written
 * @param tuning the tuning protocol, tuned optimizer entries and targets ({@link Tuning#NONE})
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
    int recordEvery,
    List<Claim> claims,
    List<PresetPoint> presets,
    Limits limits,
    Map<Component, SourcePosition> workloadPositions,
    Tuning tuning) {

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
        DataSeed.DEFAULT, engines, steps, evalEvery, 1, List.of(), List.of(), Limits.DEFAULTS,
        Map.of(), Tuning.NONE);
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
    tuning = tuning == null ? Tuning.NONE : tuning;
  }

  /**
   * An error located at {@code component}'s entry in the spec, for problems found after parsing:
   * a workload's data files or size against the limits, an optimizer's parameter groups against
   * a workload's tensors.
   */
  public SpecException errorAt(Component component, String problem) {
    SourcePosition at = workloadPositions.getOrDefault(component, SourcePosition.UNKNOWN);
    return new SpecException(source, at.line(), at.column(), problem);
  }

  /** {@link #errorAt} at {@code first}'s entry, or at {@code second}'s where first has none. */
  public SpecException errorAt(Component first, Component second, String problem) {
    return workloadPositions.containsKey(first) ? errorAt(first, problem)
        : errorAt(second, problem);
  }

  /**
   * The cartesian product of all axes, in a fixed order (workload, optimizer, clip, schedule,
   * seed, engine) so that runs of one cell over seeds sit together. Within a workload, the
   * preset points follow the plain optimizers, each with its own clip and schedule; then come
   * the tuning trials ({@link #trials}). The reruns of each study's selected trial are not among
   * them: which setting they rerun is known only once the study's trials have trained (see
   * {@link #reruns}).
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
      cells.addAll(trials(workload));
    }
    return cells;
  }

  /**
   * The tuning trials of {@code workload}: per tuned optimizer entry, clip, schedule and engine,
   * each study's trials in order, trained on the study's own seed.
   */
  public List<Cell> trials(Component workload) {
    List<Cell> cells = new ArrayList<>();
    if (!tuning.active()) {
      return cells;
    }
    TuningSettings settings = tuning.settings();
    for (TunedOptimizer tuned : tuning.optimizers()) {
      for (Component clip : clips) {
        for (Component schedule : schedules) {
          for (String engine : engines) {
            String solver = solverName(tuned, clip, schedule, engine);
            for (int study = 0; study < tuned.studies().size(); study++) {
              for (TunedOptimizer.Point point : tuned.studies().get(study)) {
                cells.add(new Cell(workload, point.optimizer(), clip, schedule,
                    settings.studySeed(study), dataSeed, engine, steps, evalEvery,
                    new Trial(Trial.Role.TRIAL, solver, study, point.index()), recordEvery));
              }
            }
          }
        }
      }
    }
    return cells;
  }

  /**
   * The reruns of a study's selected trial: the same setting on each of the spec's seeds, in
   * seed order, so that every tuned optimizer's final runs pair seed by seed.
   */
  public List<Cell> reruns(Cell selected) {
    Trial t = selected.trial();
    List<Cell> cells = new ArrayList<>();
    for (long seed : seeds) {
      cells.add(selected.rerun(seed, new Trial(Trial.Role.FINAL, t.solver(), t.study(), t.index())));
    }
    return cells;
  }

  /**
   * Stand-ins for the reruns a tuned grid will add: each study's first trial rerun on every seed.
   * The real reruns repeat the selected trial instead, which is known only after training, but
   * they are as many and cost about as much: what counting and time estimates need.
   */
  public List<Cell> rerunStandIns() {
    List<Cell> standIns = new ArrayList<>();
    for (Cell cell : cells()) {
      if (cell.trial().role() == Trial.Role.TRIAL && cell.trial().index() == 0) {
        // Every study has point 0: the sequences start there whatever the budget.
        standIns.addAll(reruns(cell));
      }
    }
    return standIns;
  }

  /** How many runs the whole grid has: its cells, and for a tuned grid the reruns too. */
  public int plannedRuns() {
    return cells().size() + rerunStandIns().size();
  }

  /**
   * The name a tuned entry has in scores: its own name, then the clip, schedule and engine when
   * the spec has more than one of them (otherwise they are the same for every solver).
   */
  private String solverName(TunedOptimizer tuned, Component clip, Component schedule,
      String engine) {
    StringBuilder name = new StringBuilder(tuned.name());
    if (clips.size() > 1) {
      name.append(" · ").append(clip.label());
    }
    if (schedules.size() > 1) {
      name.append(" · ").append(schedule.label());
    }
    if (engines.size() > 1) {
      name.append(" · ").append(engine);
    }
    return name.toString();
  }

  private void addSeeds(List<Cell> cells, Component workload, Component optimizer,
      Component clip, Component schedule) {
    for (long seed : seeds) {
      for (String engine : engines) {
        cells.add(new Cell(workload, optimizer, clip, schedule, seed, dataSeed, engine, steps,
            evalEvery, Trial.NONE, recordEvery));
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
