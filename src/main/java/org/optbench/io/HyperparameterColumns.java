package org.optbench.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.ParamDef;
import org.optbench.spec.ParamType;
import tech.tablesaw.api.ColumnType;

/**
 * One column per hyperparameter of a run's components, named {@code <component>_<parameter>}:
 * the axis ({@code workload}, {@code optimizer}, {@code clip}, {@code schedule}) and the
 * parameter's spec name, e.g. {@code optimizer_lr}, {@code clip_max_norm}, {@code
 * workload_hidden}. A cell whose component has no such parameter, or leaves an optional one
 * unset, has an empty cell there.
 *
 * <p>Which columns a file has depends on its grid, so their order is fixed by rule, not by the
 * grid: by axis in the order above, then by parameter name (alphabetical). The type follows the
 * parameter's type in the catalogue: number, integer, boolean, or text (words, and integer lists
 * written {@code [32;16]} as in the {@code *_config} columns).
 */
final class HyperparameterColumns {

  /** The axes in column order. */
  static final List<Axis> AXES = List.of(Axis.WORKLOAD, Axis.OPTIMIZER, Axis.CLIP, Axis.SCHEDULE);

  /** Columns of the fixed schemas that share a prefix with these columns. */
  private static final Set<String> FIXED = Set.of(
      "workload_config", "optimizer_config", "clip_method", "clip_config", "schedule_config",
      "optimizer_state_bytes");

  private HyperparameterColumns() {}

  /** The column of parameter {@code param} of the component on {@code axis}. */
  static String column(Axis axis, String param) {
    return axis.label() + "_" + param;
  }

  /**
   * The cell's hyperparameters as column name to the text the file holds: numbers as {@link
   * Double#toString} writes them (the shortest decimal that reads back as the spec's value),
   * unset optional parameters left out. Parameter groups are in {@code optimizer_config} only.
   */
  static Map<String, String> values(Cell cell) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Axis axis : AXES) {
      Component component = component(cell, axis);
      component.params().forEach((param, value) -> {
        if (value != null) {
          values.put(column(axis, param), text(value));
        }
      });
    }
    return values;
  }

  /** The text of one value, as {@link Csv} writes a cell of the column's type. */
  static String text(Object value) {
    if (value instanceof Double d) {
      return Double.toString(d);
    }
    if (value instanceof List<?>) {
      return Component.format(value);
    }
    return value.toString();
  }

  /**
   * The hyperparameters of a {@code k=v,k=v} string of a {@code *_config} column (see {@link
   * Component#config}), as column name to text: what result sets of schema version 1 hold.
   * {@code null} values (an unset optional parameter) and parameter groups are left out.
   */
  static Map<String, String> parse(Axis axis, String config) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : topLevel(config)) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = pair.substring(0, eq);
      String value = pair.substring(eq + 1);
      if (!value.equals("null") && !key.equals("groups")) {
        values.put(column(axis, key), value);
      }
    }
    return values;
  }

  /** Splits at the commas outside brackets: a group's own settings stay in one piece. */
  private static List<String> topLevel(String config) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < config.length(); i++) {
      char c = config.charAt(i);
      if (c == '[' || c == '(' || c == '{') {
        depth++;
      } else if (c == ']' || c == ')' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(config.substring(start, i));
        start = i + 1;
      }
    }
    if (start < config.length()) {
      parts.add(config.substring(start));
    }
    return parts;
  }

  /** {@code names} in column order: by axis, then by parameter name. */
  static List<String> ordered(Collection<String> names) {
    return names.stream()
        .distinct()
        .sorted(Comparator.comparingInt(HyperparameterColumns::axisIndex)
            .thenComparing(Comparator.naturalOrder()))
        .toList();
  }

  /** Whether {@code name} is a hyperparameter column (a component prefix, not a fixed column). */
  static boolean is(String name) {
    return axisIndex(name) < AXES.size();
  }

  /**
   * The type of column {@code name}, from the catalogue: empty when it is no hyperparameter
   * column. A parameter whose type differs between components of its axis is read as a number
   * when all are numeric, else as text.
   */
  static Optional<ColumnType> type(String name) {
    int index = axisIndex(name);
    if (index >= AXES.size()) {
      return Optional.empty();
    }
    Axis axis = AXES.get(index);
    String param = name.substring(axis.label().length() + 1);
    Set<ParamType> types = new java.util.HashSet<>();
    for (ComponentDef def : Catalog.components(axis)) {
      def.param(param).map(ParamDef::type).ifPresent(types::add);
    }
    if (types.size() == 1) {
      return Optional.of(columnType(types.iterator().next()));
    }
    boolean numeric = !types.isEmpty()
        && Set.of(ParamType.FLOAT, ParamType.INT).containsAll(types);
    return Optional.of(numeric ? ColumnType.DOUBLE : ColumnType.STRING);
  }

  /** A column of hyperparameter values as text, with the type {@link #type} gives it. */
  static tech.tablesaw.columns.Column<?> typed(tech.tablesaw.api.StringColumn text) {
    ColumnType type = type(text.name()).orElse(ColumnType.STRING);
    if (type == ColumnType.STRING) {
      return text;
    }
    tech.tablesaw.columns.Column<?> column = type.create(text.name());
    for (String value : text) {
      CsvTableReader.appendCell(column, value, true);
    }
    return column;
  }

  private static ColumnType columnType(ParamType type) {
    return switch (type) {
      case FLOAT -> ColumnType.DOUBLE;
      case INT -> ColumnType.LONG;
      case BOOL -> ColumnType.BOOLEAN;
      case STRING, INT_LIST -> ColumnType.STRING;
    };
  }

  /** The index in {@link #AXES} of the column's prefix, or {@code AXES.size()} when none. */
  private static int axisIndex(String name) {
    if (FIXED.contains(name)) {
      return AXES.size();
    }
    for (int i = 0; i < AXES.size(); i++) {
      String prefix = AXES.get(i).label() + "_";
      if (name.startsWith(prefix) && name.length() > prefix.length()) {
        return i;
      }
    }
    return AXES.size();
  }

  private static Component component(Cell cell, Axis axis) {
    return switch (axis) {
      case WORKLOAD -> cell.workload();
      case OPTIMIZER -> cell.optimizer();
      case CLIP -> cell.clip();
      case SCHEDULE -> cell.schedule();
    };
  }
}
