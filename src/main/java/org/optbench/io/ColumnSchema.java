package org.optbench.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.ColumnType;

/**
 * The ordered columns of a CSV file, their Tablesaw types and their descriptions. Reading with
 * these types, instead of letting Tablesaw guess, keeps a {@code run_id} like {@code 000123} a
 * string and a {@code seed} a long in every file; the descriptions are what {@code
 * docs/data-schema.md} is generated from ({@link DataSchemaDoc}).
 *
 * @param types column name to type, in file order
 * @param optional the columns that files written before they existed lack; a reader supplies
 *     their meaning when they are absent
 * @param docs column name to description
 * @param nullable the columns whose cells may be empty (a missing value), whatever their type
 */
public record ColumnSchema(
    Map<String, ColumnType> types,
    Set<String> optional,
    Map<String, ColumnDoc> docs,
    Set<String> nullable) {

  public ColumnSchema {
    types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
    optional = Set.copyOf(optional);
    docs = Collections.unmodifiableMap(new LinkedHashMap<>(docs));
    nullable = Set.copyOf(nullable);
  }

  /** Undocumented columns, none optional or nullable: for tests of the readers. */
  public ColumnSchema(Map<String, ColumnType> types) {
    this(types, Set.of(), Map.of(), Set.of());
  }

  /** This schema followed by {@code more}. */
  public ColumnSchema plus(ColumnSchema more) {
    Map<String, ColumnType> all = new LinkedHashMap<>(types);
    all.putAll(more.types);
    Set<String> opt = new HashSet<>(optional);
    opt.addAll(more.optional);
    Map<String, ColumnDoc> allDocs = new LinkedHashMap<>(docs);
    allDocs.putAll(more.docs);
    Set<String> empty = new HashSet<>(nullable);
    empty.addAll(more.nullable);
    return new ColumnSchema(all, opt, allDocs, empty);
  }

  /**
   * This schema with every column but {@code required} optional: for reading files whose label
   * columns may be of an older version.
   */
  ColumnSchema optionalExcept(String... required) {
    Set<String> opt = new HashSet<>(types.keySet());
    List.of(required).forEach(opt::remove);
    return new ColumnSchema(types, opt, docs, nullable);
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

  /** Adds columns in file order, each with its description. */
  static final class Builder {
    private final Map<String, ColumnType> types = new LinkedHashMap<>();
    private final Set<String> optional = new HashSet<>();
    private final Map<String, ColumnDoc> docs = new LinkedHashMap<>();
    private final Set<String> nullable = new HashSet<>();
    private String last;

    /** A column without a unit whose every row has a value. */
    Builder add(String name, ColumnType type, String meaning) {
      return add(name, type, "", meaning);
    }

    /** A measurement in {@code unit} whose every row has a value. */
    Builder add(String name, ColumnType type, String unit, String meaning) {
      if (types.put(name, type) != null) {
        throw new IllegalArgumentException("duplicate column " + name);
      }
      docs.put(name, new ColumnDoc(unit, meaning, ColumnDoc.NEVER));
      last = name;
      return this;
    }

    /** The column just added may be empty, when {@code rule} says. */
    Builder missing(String rule) {
      nullable.add(last);
      docs.put(last, docs.get(last).withMissing("empty " + rule));
      return this;
    }

    /**
     * The column just added holds NaN (written {@code NaN}) when {@code rule} says: a measured
     * value that was not a number, which is data, not a missing value.
     */
    Builder nan(String rule) {
      docs.put(last, docs.get(last).withMissing("NaN " + rule));
      return this;
    }

    /** The column just added is absent from files written before it existed. */
    Builder optional() {
      optional.add(last);
      return this;
    }

    ColumnSchema build() {
      return new ColumnSchema(types, optional, docs, nullable);
    }
  }
}
