package org.optbench.io;

/**
 * What a column of a result file holds, for people reading the file and for the generated
 * {@code docs/data-schema.md}: written next to the column's definition so the two cannot drift.
 *
 * @param unit the unit of a measurement ({@code s}, {@code bytes}, {@code steps}), or empty
 * @param meaning one sentence: what the value is
 * @param missing when the cell is empty (or NaN) and what that means; {@code never} when every
 *     row has a value
 */
public record ColumnDoc(String unit, String meaning, String missing) {

  /** The rule of a column whose every row has a value. */
  public static final String NEVER = "never";

  public ColumnDoc {
    if (meaning == null || meaning.isBlank()) {
      throw new IllegalArgumentException("a column needs a description");
    }
  }

  /** This description with {@code rule} as its missing-value rule. */
  ColumnDoc withMissing(String rule) {
    return new ColumnDoc(unit, meaning, rule);
  }
}
