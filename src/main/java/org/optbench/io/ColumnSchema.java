package org.optbench.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.ColumnType;

/**
 * The ordered columns of a CSV file and their Tablesaw types. Reading with these types, instead of
 * letting Tablesaw guess, keeps a {@code run_id} like {@code 000123} a string and a {@code seed} a
 * long in every file.
 *
 * @param types column name to type, in file order
 * @param optional the columns that files written before they existed lack; a reader supplies
 *     their meaning when they are absent
 */
public record ColumnSchema(Map<String, ColumnType> types, java.util.Set<String> optional) {

  public ColumnSchema {
    types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
    optional = java.util.Set.copyOf(optional);
  }

  public ColumnSchema(Map<String, ColumnType> types) {
    this(types, java.util.Set.of());
  }

  /** This schema followed by {@code more}. */
  public ColumnSchema plus(ColumnSchema more) {
    Map<String, ColumnType> all = new LinkedHashMap<>(types);
    all.putAll(more.types);
    java.util.Set<String> opt = new java.util.HashSet<>(optional);
    opt.addAll(more.optional);
    return new ColumnSchema(all, opt);
  }

  /** The columns every file must have. */
  public List<String> required() {
    return types.keySet().stream().filter(n -> !optional.contains(n)).toList();
  }

  /** Column names in file order. */
  public List<String> names() {
    return new ArrayList<>(types.keySet());
  }

  /** The header line, without line end. Names are plain snake_case, so no quoting is needed. */
  public String header() {
    return String.join(",", types.keySet());
  }

  /** A table with these columns and no rows. */
  public tech.tablesaw.api.Table emptyTable(String name) {
    tech.tablesaw.api.Table table = tech.tablesaw.api.Table.create(name);
    types.forEach((column, type) -> table.addColumns(type.create(column)));
    return table;
  }

  /** A schema builder that keeps insertion order. */
  static Builder builder() {
    return new Builder();
  }

  static final class Builder {
    private final Map<String, ColumnType> types = new LinkedHashMap<>();
    private final java.util.Set<String> optional = new java.util.HashSet<>();

    Builder add(String name, ColumnType type) {
      if (types.put(name, type) != null) {
        throw new IllegalArgumentException("duplicate column " + name);
      }
      return this;
    }

    /** A column that older files lack. */
    Builder optional(String name, ColumnType type) {
      optional.add(name);
      return add(name, type);
    }

    ColumnSchema build() {
      return new ColumnSchema(types, optional);
    }
  }
}
