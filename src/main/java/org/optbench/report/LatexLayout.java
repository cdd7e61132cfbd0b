package org.optbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optbench.report.ReportTable.Value;

/**
 * Where a table's columns and rows go in LaTeX: the font size, the floats it is split into, and
 * the width of each wrapping column, from text widths estimated with {@link TextWidth}. The rule is
 * documented on {@link LatexTable}.
 */
final class LatexLayout {

  static final double TEXT_WIDTH_PT = 345;
  static final double COLUMN_SEP_PT = 4;
  static final double WRAP_WIDER_THAN_PT = 100;
  static final double MIN_WRAP_PT = 60;
  static final double MIN_HEADING_PT = 40;
  static final double ROWS_HEIGHT_PT = 420;

  /**
   * The share of the text width the columns are packed into: the widths are estimates (no
   * kerning, no ligatures), so a table is laid out a little narrower than the page.
   */
  private static final double PACKING = 0.97;

  /** A power of ten as it is set ("e-05" is ×10⁻⁵) and a minus sign, for measuring numbers. */
  private static final java.util.regex.Pattern EXPONENT =
      java.util.regex.Pattern.compile("e([+-]?)0*(\\d)");
  private static final java.util.regex.Pattern MINUS =
      java.util.regex.Pattern.compile("(?<![\\w.])-(?=[\\d.])");

  /** Wrapped text takes up to a quarter more lines than its width divided by the column's. */
  private static final double RAGGED_SPARE = 1.25;

  /** Where a line may end in a wrapping column: ours, and TeX's own after a hyphen. */
  private static final String WORD_END = "(?<=[,;/=_|-])|(?=\\()|\\s+";

  /** The two sizes a table is set in: \\small and \\footnotesize of the 10 pt article class. */
  enum Size {
    SMALL("\\small", 9, 11),
    FOOTNOTESIZE("\\footnotesize", 8, 9.5);

    final String command;
    final double points;
    final double baselinePt;

    Size(String command, double points, double baselinePt) {
      this.command = command;
      this.points = points;
      this.baselinePt = baselinePt;
    }
  }

  /**
   * One float: some columns of some rows (a long cell's continuation lines as rows of their own),
   * and the width of each of its wrapping columns.
   */
  record Part(List<Integer> columns, List<Value[]> rows, Map<Integer, Double> wrapWidths) {}

  private final List<String> headings;
  private final List<Value[]> rows;
  private final boolean[] numeric;
  /** Per column, in em: the widest cell, the longest unbreakable word, all its text together. */
  private final double[] widestEm;
  private final double[] longestWordEm;
  private final double[] textEm;
  /** Per column, in em: the widest cell with each interval below its mean. */
  private final double[] stackedWidestEm;
  private final Size size;
  /** Whether estimates show their interval below the mean, on a second line. */
  private boolean stacked;
  private final List<Part> parts;

  LatexLayout(List<String> headings, List<Value[]> rows) {
    this.headings = headings;
    this.rows = rows;
    int n = headings.size();
    numeric = new boolean[n];
    widestEm = new double[n];
    longestWordEm = new double[n];
    textEm = new double[n];
    stackedWidestEm = new double[n];
    for (int c = 0; c < n; c++) {
      final int column = c;
      numeric[c] = !rows.isEmpty() && rows.stream().allMatch(r -> r[column].isNumber());
      textEm[c] = measure(headings.get(c), c);
      for (Value[] row : rows) {
        double em = measure(numeric[c] ? asSet(row[c].text()) : row[c].text(), c);
        widestEm[c] = Math.max(widestEm[c], em);
        textEm[c] += em;
        int interval = intervalStart(row[c].text());
        stackedWidestEm[c] = Math.max(stackedWidestEm[c], !numeric[c] || interval < 0 ? em
            : Math.max(TextWidth.points(asSet(row[c].text().substring(0, interval)), 1),
                TextWidth.points(asSet(row[c].text().substring(interval + 1)), 1)));
      }
    }
    size = chooseSize();
    List<Integer> all = range(0, n);
    // An estimate "mean [low, high]" is the widest kind of cell: two lines halve it.
    stacked = !fits(all, size) && all.stream().anyMatch(c -> stackedWidestEm[c] < widestEm[c]);
    parts = split();
  }

  /** Where the interval of an estimate's text starts (its space), or -1 for other text. */
  static int intervalStart(String text) {
    int at = text.indexOf(" [");
    return at > 0 && text.endsWith("]") ? at : -1;
  }

  boolean stacked() {
    return stacked;
  }

  Size size() {
    return size;
  }

  List<Part> parts() {
    return parts;
  }

  boolean numeric(int c) {
    return numeric[c];
  }

  boolean wraps(int c) {
    return wraps(c, size);
  }

  List<String> headingLines(int c) {
    return headingLines(c, size);
  }

  /**
   * A number's text as {@link LatexTable#number} sets it, for measuring: math minus signs and
   * "×10" for the "e" of a power of ten (each non-ASCII character counts one em, more than
   * either takes).
   */
  private static String asSet(String number) {
    String signed = MINUS.matcher(number).replaceAll("\u2212");
    return EXPONENT.matcher(signed).replaceAll("\u00d710$1$2");
  }

  /** The width of {@code text} in em; notes its longest word for column {@code c}. */
  private double measure(String text, int c) {
    for (String word : text.split(WORD_END)) {
      longestWordEm[c] = Math.max(longestWordEm[c], TextWidth.points(word, 1));
    }
    return TextWidth.points(text, 1);
  }

  /** \\small when all columns fit side by side and no row is taller than a float may be. */
  private Size chooseSize() {
    List<Integer> all = range(0, headings.size());
    if (!fits(all, Size.SMALL)) {
      return Size.FOOTNOTESIZE;
    }
    Map<Integer, Double> widths = wrapWidths(all, Size.SMALL);
    for (Value[] row : rows) {
      if (rowHeight(widths, row, Size.SMALL) > ROWS_HEIGHT_PT) {
        return Size.FOOTNOTESIZE;
      }
    }
    return Size.SMALL;
  }

  private List<Part> split() {
    List<List<Integer>> groups = new ArrayList<>();
    List<Integer> all = range(0, headings.size());
    int firstNumber = 0;
    while (firstNumber < numeric.length && !numeric[firstNumber]) {
      firstNumber++;
    }
    if (fits(all, size) || firstNumber == numeric.length) {
      groups.add(all);
    } else {
      List<Integer> ids = range(0, firstNumber);
      List<Integer> group = new ArrayList<>(ids);
      for (int c = firstNumber; c < numeric.length; c++) {
        List<Integer> wider = new ArrayList<>(group);
        wider.add(c);
        if (group.size() > ids.size() && !fits(wider, size)) {
          groups.add(group);
          group = new ArrayList<>(ids);
          group.add(c);
        } else {
          group = wider;
        }
      }
      groups.add(group);
    }
    List<Part> out = new ArrayList<>();
    for (List<Integer> group : groups) {
      Map<Integer, Double> widths = wrapWidths(group, size);
      List<Value[]> chunk = new ArrayList<>();
      double height = 0;
      for (Value[] row : displayRows(group, widths)) {
        double rowHeight = rowHeight(widths, row, size);
        if (!chunk.isEmpty() && height + rowHeight > ROWS_HEIGHT_PT) {
          out.add(new Part(group, chunk, widths));
          chunk = new ArrayList<>();
          height = 0;
        }
        chunk.add(row);
        height += rowHeight;
      }
      out.add(new Part(group, chunk, widths));
    }
    return out;
  }

  /**
   * The rows of a group, each wrapped cell taller than half a float continued on rows below it
   * (the other cells empty there), split after "; ", ", " or a space.
   */
  private List<Value[]> displayRows(List<Integer> group, Map<Integer, Double> widths) {
    double lines = 0.5 * ROWS_HEIGHT_PT / size.baselinePt;
    List<Value[]> out = new ArrayList<>();
    for (Value[] row : rows) {
      List<List<String>> pieces = new ArrayList<>();
      int count = 1;
      for (int c = 0; c < row.length; c++) {
        List<String> split = widths.containsKey(c)
            ? pieces(row[c].text(), lines * widths.get(c) / RAGGED_SPARE, size)
            : List.of(row[c].text());
        pieces.add(split);
        count = Math.max(count, split.size());
      }
      if (count == 1) {
        out.add(row);
        continue;
      }
      for (int k = 0; k < count; k++) {
        Value[] line = new Value[row.length];
        for (int c = 0; c < row.length; c++) {
          List<String> split = pieces.get(c);
          line[c] = split.size() > 1 ? Value.text(k < split.size() ? split.get(k) : "")
              : k == 0 ? row[c] : Value.text("");
        }
        out.add(line);
      }
    }
    return out;
  }

  /** {@code text} in pieces no wider than {@code limit} points when set on one line. */
  private static List<String> pieces(String text, double limit, Size size) {
    List<String> out = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    String separator = text.contains("; ") ? "(?<=; )" : text.contains(", ") ? "(?<=, )" : "(?<= )";
    for (String token : text.split(separator)) {
      if (piece.length() > 0 && TextWidth.points(piece + token, size.points) > limit) {
        out.add(piece.toString().strip());
        piece.setLength(0);
      }
      piece.append(token);
    }
    out.add(piece.toString().strip());
    return out;
  }

  /**
   * The width of each wrapping column of {@code columns}: what the others leave, shared in
   * proportion to the columns' text (all rows and the heading), none narrower than its least
   * width (then the others share the rest).
   */
  private Map<Integer, Double> wrapWidths(List<Integer> columns, Size size) {
    double available = TEXT_WIDTH_PT - 2 * COLUMN_SEP_PT * (columns.size() - 1);
    Map<Integer, Double> demand = new LinkedHashMap<>();
    for (int c : columns) {
      if (wraps(c, size)) {
        demand.put(c, textEm[c]);
      } else {
        available -= naturalWidth(c, size);
      }
    }
    Map<Integer, Double> widths = new LinkedHashMap<>();
    boolean settled = false;
    while (!settled) {
      settled = true;
      double fixed = widths.values().stream().mapToDouble(Double::doubleValue).sum();
      double share = demand.entrySet().stream().filter(e -> !widths.containsKey(e.getKey()))
          .mapToDouble(Map.Entry::getValue).sum();
      for (Map.Entry<Integer, Double> e : demand.entrySet()) {
        double least = leastWrapWidth(e.getKey(), size);
        if (!widths.containsKey(e.getKey())
            && (available - fixed) * e.getValue() / share < least) {
          widths.put(e.getKey(), least);
          settled = false;
          break;
        }
      }
    }
    double fixed = widths.values().stream().mapToDouble(Double::doubleValue).sum();
    double share = demand.entrySet().stream().filter(e -> !widths.containsKey(e.getKey()))
        .mapToDouble(Map.Entry::getValue).sum();
    Map<Integer, Double> out = new LinkedHashMap<>();
    for (Map.Entry<Integer, Double> e : demand.entrySet()) {
      out.put(e.getKey(), widths.containsKey(e.getKey()) ? widths.get(e.getKey())
          : (available - fixed) * e.getValue() / share);
    }
    return out;
  }

  /** Whether {@code columns} fit the text width at {@code size}, wrapping columns at their least. */
  private boolean fits(List<Integer> columns, Size size) {
    double width = 2 * COLUMN_SEP_PT * (columns.size() - 1);
    for (int c : columns) {
      width += wraps(c, size) ? leastWrapWidth(c, size) : naturalWidth(c, size);
    }
    return width <= PACKING * TEXT_WIDTH_PT;
  }

  /** Estimated height of {@code row}: its tallest wrapped cell's lines, with spare. */
  private double rowHeight(Map<Integer, Double> wrapWidths, Value[] row, Size size) {
    boolean twoLines = stacked && java.util.Arrays.stream(row)
        .anyMatch(v -> v.isNumber() && intervalStart(v.text()) > 0);
    double lines = twoLines ? 2 : 1;
    for (Map.Entry<Integer, Double> e : wrapWidths.entrySet()) {
      double text = TextWidth.points(row[e.getKey()].text(), size.points);
      lines = Math.max(lines, Math.ceil(RAGGED_SPARE * text / e.getValue()));
    }
    return lines * size.baselinePt;
  }

  private boolean wraps(int c, Size size) {
    return !numeric[c] && widestCell(c, size) > WRAP_WIDER_THAN_PT;
  }

  private double widestCell(int c, Size size) {
    return (stacked ? stackedWidestEm : widestEm)[c] * size.points;
  }

  private double naturalWidth(int c, Size size) {
    double widest = widestCell(c, size);
    for (String line : headingLines(c, size)) {
      widest = Math.max(widest, TextWidth.points(line, size.points));
    }
    return widest;
  }

  private double leastWrapWidth(int c, Size size) {
    return Math.max(MIN_WRAP_PT, longestWordEm[c] * size.points);
  }

  /** A heading's words in lines no wider than its values (or {@value #MIN_HEADING_PT} pt). */
  private List<String> headingLines(int c, Size size) {
    double limit = Math.max(MIN_HEADING_PT, widestCell(c, size));
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : headings.get(c).strip().split("\\s+")) {
      String longer = line.length() == 0 ? word : line + " " + word;
      if (line.length() > 0 && TextWidth.points(longer, size.points) > limit) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(longer);
      }
    }
    lines.add(line.toString());
    return lines;
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(i);
    }
    return out;
  }
}
