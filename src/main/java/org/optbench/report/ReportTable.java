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
 * bounds as numbers.
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
   */
  public record Value(String text, double number, String css, Estimate estimate) {

    public static Value text(String text) {
      return new Value(text == null ? "" : text, Double.NaN, "", null);
    }

    /** Four significant digits; NaN shows as a dash. */
    public static Value number(double value) {
      return new Value(Numbers.format(value), value, "", null);
    }

    public static Value integer(long value) {
      return new Value(Long.toString(value), value, "", null);
    }

    /** Binary units (KiB, MiB); the CSV has the byte count. */
    public static Value bytes(double value) {
      return new Value(Numbers.bytes(value), value, "", null);
    }

    /** {@code text} shown, {@code value} kept for sorting and CSV. */
    public static Value of(String text, double value) {
      return new Value(text, value, "", null);
    }

    /** {@code mean [low, high]}; sorted by the mean; a dash when no seed has a value. */
    public static Value estimate(Estimate estimate) {
      return new Value(EstimateText.valueAndInterval(estimate), estimate.value(), "", estimate);
    }

    public Value css(String cssClass) {
      return new Value(text, number, cssClass, estimate);
    }

    boolean isNumber() {
      return !Double.isNaN(number) || text.equals("–");
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

  /** RFC 4180 CSV with exact numbers. */
  public String csv() {
    StringBuilder out = new StringBuilder();
    out.append(String.join(",", exportHeadings().stream().map(ReportTable::csvField).toList()))
        .append('\n');
    for (Value[] row : exportRows()) {
      List<String> fields = new ArrayList<>();
      for (Value v : row) {
        fields.add(v.isNumber() ? csvNumber(v) : csvField(v.text()));
      }
      out.append(String.join(",", fields)).append('\n');
    }
    return out.toString();
  }

  /** A {@code booktabs} table, numbers right-aligned; needs {@code \\usepackage{booktabs}}. */
  public String latex() {
    List<String> headings = exportHeadings();
    List<Value[]> rows = exportRows();
    StringBuilder out = new StringBuilder();
    out.append("% ").append(caption.replace('\n', ' ')).append('\n');
    out.append("\\begin{tabular}{");
    for (int c = 0; c < headings.size(); c++) {
      final int column = c;
      boolean numeric =
          !rows.isEmpty() && rows.stream().allMatch(r -> r[column].isNumber());
      out.append(numeric ? 'r' : 'l');
    }
    out.append("}\n\\toprule\n")
        .append(String.join(" & ", headings.stream().map(ReportTable::latexText).toList()))
        .append(" \\\\\n\\midrule\n");
    for (Value[] row : rows) {
      List<String> cells = new ArrayList<>();
      for (Value v : row) {
        cells.add(latexText(v.text()));
      }
      out.append(String.join(" & ", cells)).append(" \\\\\n");
    }
    return out.append("\\bottomrule\n\\end{tabular}\n").toString();
  }

  /** A GitHub-flavoured Markdown table. */
  public String markdown() {
    List<String> headings = exportHeadings();
    List<Value[]> rows = exportRows();
    StringBuilder out = new StringBuilder();
    out.append(caption.replace('\n', ' ')).append("\n\n| ");
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
    boolean integer = v.number() == Math.rint(v.number()) && Math.abs(v.number()) < 1e15;
    if (integer && v.text().equals(Long.toString((long) v.number()))) {
      return v.text();
    }
    return Numbers.exact(v.number());
  }

  private static String csvField(String text) {
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  /** Escapes LaTeX's special characters; the rest (·, ±, Unicode) needs a UTF-8 document. */
  static String latexText(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\textbackslash{}");
        case '&', '%', '$', '#', '_', '{', '}' -> out.append('\\').append(c);
        case '~' -> out.append("\\textasciitilde{}");
        case '^' -> out.append("\\textasciicircum{}");
        case '<' -> out.append("\\textless{}");
        case '>' -> out.append("\\textgreater{}");
        case '\n', '\r' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
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
