package org.optbench.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The column order of {@code runs.csv} (and of the {@code steps.csv} export): the identifying
 * columns ({@link CellColumns}), then the hyperparameter columns in the order of {@link
 * HyperparameterColumns#ordered}, then the rest in the order of {@link RunsTable#SCHEMA} (or of
 * the table, for columns a later version added). Each run's part holds only its own
 * hyperparameters; {@link #join} makes one table of them with the union of the columns.
 */
final class RunsLayout {

  private RunsLayout() {}

  /** {@code table} with {@code hyperparameters} (replacing any of the same name) in their place. */
  static Table arrange(Table table, List<Column<?>> hyperparameters) {
    Map<String, Column<?>> byName = new LinkedHashMap<>();
    for (Column<?> column : table.columns()) {
      if (!HyperparameterColumns.is(column.name())) {
        byName.put(column.name(), column);
      }
    }
    hyperparameters.forEach(c -> byName.put(c.name(), c));
    List<String> order = order(byName.keySet());
    Table arranged = Table.create(table.name());
    order.forEach(name -> arranged.addColumns(byName.get(name)));
    return arranged;
  }

  /**
   * The rows of {@code parts} (tables of {@link RunsTable#SCHEMA} and their hyperparameter
   * columns) as one table, in order; a part without one of the columns has missing cells there.
   *
   * @throws IllegalArgumentException when two parts give one column different types
   */
  static Table join(String name, List<Table> parts) {
    Map<String, Column<?>> columns = new LinkedHashMap<>();
    int rows = 0;
    for (Table part : parts) {
      for (Column<?> column : part.columns()) {
        Column<?> joined = columns.get(column.name());
        if (joined == null) {
          joined = column.emptyCopy();
          for (int row = 0; row < rows; row++) {
            joined.appendMissing();
          }
          columns.put(column.name(), joined);
        } else if (joined.type() != column.type()) {
          throw new IllegalArgumentException("column " + column.name() + " is "
              + joined.type().name() + " in one run's row and " + column.type().name()
              + " in another's");
        }
        append(joined, column);
      }
      rows += part.rowCount();
      for (Column<?> joined : columns.values()) {
        while (joined.size() < rows) {
          joined.appendMissing();
        }
      }
    }
    Table table = Table.create(name);
    order(columns.keySet()).forEach(c -> table.addColumns(columns.get(c)));
    return table;
  }

  private static List<String> order(java.util.Collection<String> names) {
    List<String> order = new ArrayList<>();
    for (String fixed : CellColumns.SCHEMA.names()) {
      if (names.contains(fixed)) {
        order.add(fixed);
      }
    }
    order.addAll(HyperparameterColumns.ordered(
        names.stream().filter(HyperparameterColumns::is).toList()));
    for (String fixed : RunsTable.SCHEMA.names()) {
      if (names.contains(fixed) && !order.contains(fixed)) {
        order.add(fixed);
      }
    }
    for (String other : names) {
      if (!order.contains(other)) {
        order.add(other);
      }
    }
    return order;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void append(Column target, Column source) {
    target.append(source);
  }
}
