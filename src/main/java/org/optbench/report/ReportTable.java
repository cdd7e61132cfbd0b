package org.optbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.optbench.stats.Estimate;
import org.optbench.stats.EstimateText;

/**
 * A table of the report, rendered as sortable HTML and exported beside the page as CSV (exact
 * numbers), LaTeX ({@code booktabs}) and Markdown, so that a paper can take it as it is.
 *
 * <pre>{@code
 * ReportTable t = new ReportTable("memory", "Bytes per optimizer", List.of("optimizer", "state"));
 * t.row(Value.text("adam(lr=0.001)"), Value.bytes(8 * n));
 * html.append(context.table(t));
 * }</pre>
 *
 * <p>A column of estimates ({@link Column#estimate}, named after its metric) shows {@code mean
 * [low, high]} in one HTML cell and is exported as three numeric columns, {@code <metric>_mean},
 * {@code <metric>_ci_low} and {@code <metric>_ci_high}, so that a reader of the CSV gets the
 * bounds as numbers. The LaTeX shows the cell as the page does ({@link LatexTable}).
 *
 * <p>CSV columns are named by {@link CsvColumnNames}. A column is numeric in the CSV when it has a
 * number and every other cell is a number or a dash (no value, with or without an explanation);
 * no value (the page's dash) is an empty field, never NaN or a sentinel. Counts and byte sizes ({@link
 * Value#integer}, {@link Value#bytes}) are written as integers ({@code 3}, not {@code 3.0}), other
 * numbers exactly ({@code 1.0} stays a float for a reader that infers types).
 */
public final class ReportTable {

  /** Suffixes of the three exported columns of an estimate column. */
  static final List<String> ESTIMATE_SUFFIXES = List.of("_mean", "_ci_low", "_ci_high");

  /**
   * A column: its heading, and whether it holds estimates (a metric's mean and interval).
   *
   * @param heading the heading; for an estimate column the metric's name, which the exported
   *     column names start with
   * @param estimate whether every value of the column is an {@link Value#estimate}
   */
  public record Column(String heading, boolean estimate) {

    public static Column text(String heading) {
      return new Column(heading, false);
    }

    public static Column estimate(String metric) {
      return new Column(metric, true);
    }
  }

  /**
   * One cell: the text shown, and for numbers the exact value (CSV, sorting).
   *
   * @param text what the HTML, LaTeX and Markdown show
   * @param number the exact value, NaN for text
   * @param css an extra class for the HTML cell ({@code bad}, {@code ok}), or empty
   * @param estimate the mean and interval behind the value, or null for other values
   * @param integral whether the number counts something (written as an integer in the CSV)
   */
  public record Value(String text, double number, String css, Estimate estimate, boolean integral) {

    public static Value text(String text) {
      return new Value(text == null ? "" : text, Double.NaN, "", null, false);
    }

    /** Four significant digits; NaN shows as a dash. */
    public static Value number(double value) {
      return new Value(Numbers.format(value), value, "", null, false);
    }

    public static Value integer(long value) {
      return new Value(Long.toString(value), value, "", null, true);
    }

    /** Binary units (KiB, MiB); the CSV has the byte count. */
    public static Value bytes(double value) {
      return new Value(Numbers.bytes(value), value, "", null, true);
    }

    /** {@code text} shown, {@code value} kept for sorting and CSV. */
    public static Value of(String text, double value) {
      return new Value(text, value, "", null, false);
    }

    /** {@code mean [low, high]}; sorted by the mean; a dash when no seed has a value. */
    public static Value estimate(Estimate estimate) {
      return new Value(
          EstimateText.valueAndInterval(estimate), estimate.value(), "", estimate, false);
    }

    public Value css(String cssClass) {
      return new Value(text, number, cssClass, estimate, integral);
    }

    boolean isNumber() {
      return !Double.isNaN(number) || text.equals("–");
    }

    /** No value: NaN shown as a dash, alone or with the reason there is none. */
    boolean isMissing() {
      return Double.isNaN(number) && text.startsWith("–");
    }
  }

  private final String id;
  private final String caption;
  private final List<Column> columns;
  private final List<Value[]> rows = new ArrayList<>();

  /**
   * @param id file name and element id: lower-case letters, digits, '_' and '-'
   * @param caption what the table shows, one sentence or two
   * @param headings column headings
   */
  public ReportTable(String id, String caption, List<String> headings) {
    this(id, caption, headings.stream().map(Column::text).toArray(Column[]::new));
  }

  /**
   * A table with estimate columns among its columns.
   *
   * @param caption what the table shows, including the statistic of its estimate columns
   */
  public static ReportTable withColumns(String id, String caption, List<Column> columns) {
    return new ReportTable(id, caption, columns.toArray(Column[]::new));
  }

  private ReportTable(String id, String caption, Column[] columns) {
    if (!id.matches("[a-z0-9_-]+")) {
      throw new IllegalArgumentException("table id must be [a-z0-9_-]+: " + id);
    }
    this.id = id;
    this.caption = caption;
    this.columns = List.of(columns);
  }

  public String id() {
    return id;
  }

  public int rowCount() {
    return rows.size();
  }

  public ReportTable row(Value... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          "table " + id + ": " + values.length + " values for " + columns.size() + " columns");
    }
    for (int c = 0; c < values.length; c++) {
      if (columns.get(c).estimate() != (values[c].estimate() != null)) {
        throw new IllegalArgumentException("table " + id + ", column " + columns.get(c).heading()
            + ": estimate columns take estimates, and only they do");
      }
    }
    rows.add(values.clone());
    return this;
  }

  /** A sortable HTML table with its caption and links to the exported files. */
  String html() {
    StringBuilder html = new StringBuilder();
    html.append("<div class=\"scroll\">\n<table class=\"data sortable\" id=\"table-")
        .append(id)
        .append("\">\n<caption>")
        .append(Html.escape(caption))
        .append(" <span class=\"exports\">")
        .append(link("csv"))
        .append(link("tex"))
        .append(link("md"))
        .append("</span></caption>\n<thead><tr>");
    for (Column column : columns) {
      html.append("<th scope=\"col\" tabindex=\"0\" title=\"sort\">")
          .append(Html.escape(column.heading()))
          .append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (Value[] row : rows) {
      html.append("<tr>");
      for (Value v : row) {
        html.append("<td");
        String css = (v.isNumber() ? "num " : "") + v.css();
        if (!css.isBlank()) {
          html.append(" class=\"").append(css.strip()).append('"');
        }
        if (v.isNumber()) {
          html.append(" data-value=\"").append(Numbers.exact(v.number())).append('"');
        }
        html.append('>').append(Html.escape(v.text())).append("</td>");
      }
      html.append("</tr>\n");
    }
    return html.append("</tbody>\n</table>\n</div>\n").toString();
  }

  private String link(String ext) {
    return "<a href=\"tables/" + id + "." + ext + "\">" + ext.toUpperCase(Locale.ROOT) + "</a> ";
  }

  /** The exported headings: an estimate column becomes its three columns. */
  List<String> exportHeadings() {
    List<String> headings = new ArrayList<>();
    for (Column column : columns) {
      if (column.estimate()) {
        ESTIMATE_SUFFIXES.forEach(suffix -> headings.add(column.heading() + suffix));
      } else {
        headings.add(column.heading());
      }
    }
    return headings;
  }

  /** The exported rows: an estimate becomes its mean, lower and upper bound. */
  private List<Value[]> exportRows() {
    List<Value[]> out = new ArrayList<>();
    for (Value[] row : rows) {
      List<Value> values = new ArrayList<>();
      for (Value v : row) {
        if (v.estimate() == null) {
          values.add(v);
        } else {
          values.add(Value.number(v.estimate().value()));
          values.add(Value.number(v.estimate().interval().low()));
          values.add(Value.number(v.estimate().interval().high()));
        }
      }
      out.add(values.toArray(Value[]::new));
    }
    return out;
  }

  /** RFC 4180 CSV with exact numbers, columns named by {@link CsvColumnNames}. */
  public String csv() {
    List<String> names = CsvColumnNames.of(id, exportHeadings());
    List<Value[]> values = exportRows();
    boolean[] numeric = new boolean[names.size()];
    for (int c = 0; c < numeric.length; c++) {
      final int column = c;
      numeric[c] = values.stream().anyMatch(r -> !Double.isNaN(r[column].number()))
          && values.stream().allMatch(r -> r[column].isNumber() || r[column].isMissing());
    }
    StringBuilder out = new StringBuilder();
    out.append(String.join(",", names)).append('\n');
    for (Value[] row : values) {
      List<String> fields = new ArrayList<>();
      for (int c = 0; c < row.length; c++) {
        // The dash the page shows for no value is an empty field, in text columns too.
        fields.add(numeric[c] ? csvNumber(row[c])
            : csvField(row[c].text().equals("–") ? "" : row[c].text()));
      }
      out.append(String.join(",", fields)).append('\n');
    }
    return out.toString();
  }

  /** The table as LaTeX floats; see {@link LatexTable} for the packages and the width rule. */
  public String latex() {
    return new LatexTable(id, caption, columns.stream().map(Column::heading).toList(), rows)
        .render();
  }

  /** A GitHub-flavoured Markdown table. */
  public String markdown() {
    List<String> headings = exportHeadings();
    List<Value[]> rows = exportRows();
    StringBuilder out = new StringBuilder();
    // The caption as a line of its own above the table: GFM has no table captions; pandoc reads
    // "Table: ..." beside a pipe table as its caption (pandoc manual, "Extension: table_captions").
    out.append("Table: ").append(markdownText(caption))
        .append("\n\n| ");
    out.append(String.join(" | ", headings.stream().map(ReportTable::markdownText).toList()))
        .append(" |\n|");
    for (int c = 0; c < headings.size(); c++) {
      final int column = c;
      boolean numeric = !rows.isEmpty() && rows.stream().allMatch(r -> r[column].isNumber());
      out.append(numeric ? "---:|" : "---|");
    }
    out.append('\n');
    for (Value[] row : rows) {
      List<String> cells = new ArrayList<>();
      for (Value v : row) {
        cells.add(markdownText(v.text()));
      }
      out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
    return out.toString();
  }

  /** Exact; a count as the integer it is ({@code 3}, not {@code 3.0}); empty for no value. */
  private static String csvNumber(Value v) {
    if (Double.isNaN(v.number())) {
      return "";
    }
    boolean whole = v.number() == Math.rint(v.number()) && Math.abs(v.number()) < 1e15;
    // A count, or a number shown as the integer it is.
    boolean count = v.integral() || v.text().equals(Long.toString((long) v.number()));
    return count && whole ? Long.toString((long) v.number()) : Numbers.exact(v.number());
  }

  private static String csvField(String text) {
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  /** Escapes what Markdown would read as table syntax, markup or HTML. */
  static String markdownText(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '|', '\\', '*', '_', '`', '[', ']' -> out.append('\\').append(c);
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\n', '\r' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
