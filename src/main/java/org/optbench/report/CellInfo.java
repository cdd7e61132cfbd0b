package org.optbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * What the report needs to know about one cell (all seeds of one setting), taken from {@code
 * runs.csv}.
 *
 * @param cell the cell label, e.g. {@code mlp(hidden=[64]) · adam(lr=0.01) · none · djl}
 * @param workloadKey workload name and config: cells with equal keys share charts
 * @param workloadLabel the workload part of the label ({@code mlp(hidden=[64])})
 * @param setting the rest of the label ({@code adam(lr=0.01) · none · djl}), the legend entry
 * @param optimizerKey optimizer name and config: one colour each
 * @param clipKey clip name and config: one dash pattern each
 * @param clip the clip method's name ({@code none} when off)
 * @param maxNorm the fixed clip threshold, if the method has one
 * @param parts the label of each {@link CellAxis} ({@code adam(lr=0.01)}, {@code none}, ...)
 */
record CellInfo(
    String cell,
    String workloadKey,
    String workloadLabel,
    String setting,
    String optimizerKey,
    String clipKey,
    String clip,
    OptionalDouble maxNorm,
    Map<CellAxis, String> parts) {

  /** The label of this cell's value of {@code axis}. */
  String part(CellAxis axis) {
    return parts.get(axis);
  }

  /** Separator of the parts of a cell label, see {@code Cell.label()}. */
  private static final String SEPARATOR = " · ";

  /** The cells of {@code runs}, in order of first appearance (the spec's grid order). */
  static List<CellInfo> of(Table runs) {
    Map<String, CellInfo> cells = new LinkedHashMap<>();
    for (Row row : runs) {
      cells.computeIfAbsent(row.getString("cell"), label -> from(label, row));
    }
    return new ArrayList<>(cells.values());
  }

  /** Groups {@code cells} by workload, keeping their order. */
  static Map<String, List<CellInfo>> byWorkload(List<CellInfo> cells) {
    Map<String, List<CellInfo>> groups = new LinkedHashMap<>();
    for (CellInfo c : cells) {
      groups.computeIfAbsent(c.workloadKey(), k -> new ArrayList<>()).add(c);
    }
    return groups;
  }

  boolean clipped() {
    return !clip.equals("none");
  }

  /**
   * Whether the method moves its threshold during training (AutoClip, ZClip, the statistics-,
   * learning-rate- and loss-based methods); AGC's λ is fixed and relative, so it is not.
   */
  boolean adaptiveClip() {
    return java.util.Set.of("autoclip", "zclip", "stat", "lr_scaled", "loss_feedback").contains(clip);
  }

  private static CellInfo from(String label, Row row) {
    int split = label.indexOf(SEPARATOR);
    String workloadLabel = split < 0 ? row.getString("workload") : label.substring(0, split);
    String setting = split < 0 ? label : label.substring(split + SEPARATOR.length());
    String clipConfig = row.getString("clip_config");
    return new CellInfo(
        label,
        row.getString("workload") + "{" + row.getString("workload_config") + "}",
        workloadLabel,
        setting,
        row.getString("optimizer") + "{" + row.getString("optimizer_config") + "}",
        row.getString("clip_method") + "{" + clipConfig + "}",
        row.getString("clip_method"),
        // loss_feedback's max_norm bounds its moving threshold; it is not a fixed threshold.
        row.getString("clip_method").equals("loss_feedback") ? OptionalDouble.empty() : maxNorm(clipConfig),
        parts(label, workloadLabel, row));
  }

  /**
   * Each axis's part of the label, which {@code Cell.label()} writes as {@code workload · optimizer
   * · clip [· schedule, unless constant] · engine [· trial i of study s]}.
   */
  private static Map<CellAxis, String> parts(String label, String workloadLabel, Row row) {
    String[] p = label.split(SEPARATOR, -1);
    Map<CellAxis, String> parts = new java.util.EnumMap<>(CellAxis.class);
    parts.put(CellAxis.WORKLOAD, workloadLabel);
    boolean constant = row.getString("schedule").equals("constant");
    if (p.length >= (constant ? 4 : 5)) {
      parts.put(CellAxis.OPTIMIZER, p[1]);
      parts.put(CellAxis.CLIP, p[2]);
      parts.put(CellAxis.SCHEDULE, constant ? "constant" : p[3]);
    } else {
      // A label of another form (written by hand): the names from runs.csv still tell cells apart
      // unless they differ in config only.
      parts.put(CellAxis.OPTIMIZER, row.getString("optimizer") + "(" + row.getString("optimizer_config") + ")");
      parts.put(CellAxis.CLIP, row.getString("clip_method"));
      parts.put(CellAxis.SCHEDULE, row.getString("schedule"));
    }
    parts.put(CellAxis.ENGINE, row.getString("engine"));
    return parts;
  }

  /** The {@code max_norm=...} entry of a {@code Component.config()} string. */
  private static OptionalDouble maxNorm(String config) {
    for (String entry : config.split(",")) {
      if (entry.startsWith("max_norm=")) {
        try {
          return OptionalDouble.of(Double.parseDouble(entry.substring("max_norm=".length())));
        } catch (NumberFormatException e) {
          return OptionalDouble.empty();
        }
      }
    }
    return OptionalDouble.empty();
  }
}
