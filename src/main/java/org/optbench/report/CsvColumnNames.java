package org.optbench.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The column names of an exported table CSV, derived from the headings the page shows so that
 * pandas, R and SQL read them as plain identifiers.
 *
 * <p>The rule, applied to each heading in turn:
 *
 * <ol>
 *   <li>Unicode compatibility decomposition (NFKD): subscript and superscript digits become
 *       digits, accents drop; a Greek letter becomes its name ({@code τ} is {@code tau}).
 *   <li>{@code %} is {@code pct}, {@code +} {@code plus}, {@code /} {@code per}, {@code #} {@code
 *       n}, {@code &} {@code and}; apostrophes drop ({@code Adam's} is {@code adams}).
 *   <li>Lower case; every run of other characters than {@code [a-z0-9]} is one {@code _}, none at
 *       either end. An empty name is {@code column_<position>}; one that starts with a digit gets
 *       the prefix {@code col_}.
 *   <li>A name that is an attribute of a pandas DataFrame ({@code count}, {@code values}, {@code
 *       mean}, ...; the list in {@value #ATTRIBUTES}), which {@code df.count} would not reach,
 *       gets the table's id in front: {@code count} of table {@code grid} is {@code grid_count}.
 *   <li>A name already taken in the table gets {@code _2}, {@code _3}, ...
 * </ol>
 *
 * <p>So "final loss (median)" is {@code final_loss_median} and "ρ(τ)" is {@code rho_tau}.
 */
final class CsvColumnNames {

  /** Public attributes of {@code pandas.DataFrame}, one a line, generated from pandas itself. */
  static final String ATTRIBUTES = "pandas-dataframe-attributes.txt";

  private static final Set<String> DATAFRAME_ATTRIBUTES = readAttributes();

  private CsvColumnNames() {}

  /** The names of {@code headings} in a table of id {@code tableId}, in order. */
  static List<String> of(String tableId, List<String> headings) {
    List<String> names = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < headings.size(); i++) {
      String name = snake(headings.get(i));
      if (name.isEmpty()) {
        name = "column_" + (i + 1);
      }
      if (DATAFRAME_ATTRIBUTES.contains(name)) {
        name = snake(tableId) + "_" + name;
      }
      String unique = name;
      for (int n = 2; taken.contains(unique); n++) {
        unique = name + "_" + n;
      }
      taken.add(unique);
      names.add(unique);
    }
    return names;
  }

  /** Steps 1 to 3 of the rule: lower-case ASCII words joined by '_'. */
  static String snake(String heading) {
    StringBuilder spelled = new StringBuilder();
    for (char c : Normalizer.normalize(heading, Normalizer.Form.NFKD).toCharArray()) {
      switch (c) {
        case '%' -> spelled.append(" pct ");
        case '+' -> spelled.append(" plus ");
        case '/' -> spelled.append(" per ");
        case '#' -> spelled.append(" n ");
        case '&' -> spelled.append(" and ");
        case '\'', '\u2019' -> { }
        default -> spelled.append(isGreek(c) ? " " + greekName(c) + " " : String.valueOf(c));
      }
    }
    String name = spelled.toString().toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "_")
        .replaceAll("^_+|_+$", "");
    return !name.isEmpty() && Character.isDigit(name.charAt(0)) ? "col_" + name : name;
  }

  /** Whether {@code name} is a public attribute of a pandas DataFrame. */
  static boolean isDataFrameAttribute(String name) {
    return DATAFRAME_ATTRIBUTES.contains(name);
  }

  private static boolean isGreek(char c) {
    return Character.UnicodeBlock.of(c) == Character.UnicodeBlock.GREEK && Character.isLetter(c);
  }

  /** "GREEK SMALL LETTER TAU" is tau. */
  private static String greekName(char c) {
    String name = Character.getName(c);
    return name.substring(name.lastIndexOf(' ') + 1);
  }

  private static Set<String> readAttributes() {
    Set<String> names = new HashSet<>();
    try (InputStream in = CsvColumnNames.class.getResourceAsStream(ATTRIBUTES)) {
      if (in == null) {
        throw new IllegalStateException("resource missing: " + ATTRIBUTES);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          names.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(names);
  }
}
