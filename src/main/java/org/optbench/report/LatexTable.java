package org.optbench.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.optbench.report.LatexLayout.Part;
import org.optbench.report.ReportTable.Value;

/**
 * A report table as LaTeX floats that fit a page of the article class: {@code table}
 * environments with caption and label, {@code booktabs} rules, pdflatex-safe text
 * ({@link LatexText}).
 *
 * <p>The width rule ({@link LatexLayout}), from widths estimated with {@link TextWidth} for 97%
 * of a text width of 345 pt (article, 10 pt) and a column gap of 2 × 4 pt:
 *
 * <ol>
 *   <li>A text column wider than 100 pt wraps: a ragged-right {@code tabularx} X column,
 *       breakable after {@code , ; / = _ |}, before {@code (} and at spaces, at least 60 pt and
 *       its longest unbreakable word wide. Wrapping columns share the width the others leave in
 *       proportion to their text. A numeric column's heading wraps at spaces to the width of its
 *       values (at least 40 pt).
 *   <li>The table is set {@code \small} when it fits and none of its rows is taller than 420 pt,
 *       else {@code \footnotesize}.
 *   <li>When it does not fit at {@code \footnotesize}, an estimate's interval goes below its mean
 *       (two lines, half the width).
 *   <li>When it still does not fit, its columns after the leading text
 *       columns (the identifying ones: workload, setting, ...) are split, in order, into groups
 *       that fit; each group is a table of its own that repeats the identifying columns.
 *   <li>Rows are split into further tables where a table's rows would be taller than 420 pt,
 *       so that every float fits a page; a wrapped cell taller than half that continues on the
 *       rows below it.
 * </ol>
 *
 * <p>Each cell shows what the HTML table shows; an estimate column the mean and its interval
 * {@code mean [low, high]}, which the caption names. Numbers are set in plain math: minus signs
 * and powers of ten ({@code 1.2e-05} is {@code $1.2\times10^{-5}$}), so that only {@code booktabs}
 * and {@code tabularx} are needed (TeX Live's texlive-latex-recommended).
 */
final class LatexTable {

  private static final Pattern SCIENTIFIC = Pattern.compile("(\\d+(?:\\.\\d+)?)e([+-]?\\d+)");
  private static final Pattern MINUS = Pattern.compile("(?<![\\w.])-(?=[\\d.])");
  private static final Pattern ADJACENT_MATH = Pattern.compile("(?<!\\\\)\\$\\$");
  private static final String BREAK_AFTER = ",;/=_|";
  private static final String BREAK_BEFORE = "(";

  private final String id;
  private final String caption;
  private final List<String> headings;
  private final LatexLayout layout;

  LatexTable(String id, String caption, List<String> headings, List<Value[]> rows) {
    this.id = id;
    this.caption = caption;
    this.headings = headings;
    this.layout = new LatexLayout(headings, rows);
  }

  /** The file: a comment header (packages, how to include it), then the floats. */
  String render() {
    List<Part> parts = layout.parts();
    Set<String> packages = new LinkedHashSet<>(List.of("booktabs"));
    for (Part part : parts) {
      if (!part.wrapWidths().isEmpty()) {
        packages.add("tabularx");
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("% ").append(id).append(": ").append(LatexText.of(caption)).append('\n');
    out.append("% Packages: ").append(String.join(", ", packages)).append('\n');
    out.append("% Include with \\input{tables/").append(id).append(".tex} (")
        .append(parts.size() == 1 ? "a table float" : parts.size() + " table floats")
        .append(", label tab:").append(id).append(").\n");
    out.append("% Sized for a ").append(fmt(LatexLayout.TEXT_WIDTH_PT))
        .append("pt text width (article class, 10pt); written by optbench.\n");
    for (int p = 0; p < parts.size(); p++) {
      appendFloat(out, parts.get(p), p, parts.size());
    }
    return out.toString();
  }

  private void appendFloat(StringBuilder out, Part part, int index, int count) {
    String label = index == 0 ? id : id + "-" + (index + 1);
    // Later parts point back to the first, which has the full caption.
    String text = count == 1 ? LatexText.of(caption)
        : index == 0 ? LatexText.of(caption) + " (part 1 of " + count + ")"
        : "Table~\\ref{tab:" + id + "} continued (part " + (index + 1) + " of " + count + ").";
    out.append("\\begin{table}[tbp]\n\\centering\n")
        .append("\\caption{").append(text).append("}\n")
        .append("\\label{tab:").append(label).append("}\n")
        .append(layout.size().command).append('\n')
        .append("\\setlength{\\tabcolsep}{").append(fmt(LatexLayout.COLUMN_SEP_PT)).append("pt}\n");
    Map<Integer, Double> widths = part.wrapWidths();
    boolean x = !widths.isEmpty();
    double equal = widths.values().stream().mapToDouble(Double::doubleValue).sum() / widths.size();
    StringBuilder spec = new StringBuilder("@{}");
    for (int c : part.columns()) {
      if (!widths.containsKey(c)) {
        spec.append(layout.numeric(c) ? "r" : "l");
      } else if (widths.size() == 1) {
        spec.append(">{\\raggedright\\arraybackslash}X");
      } else {
        // tabularx's X columns share their width by \hsize factors that sum to their number.
        spec.append(">{\\raggedright\\arraybackslash\\hsize=")
            .append(String.format(Locale.ROOT, "%.3f", widths.get(c) / equal))
            .append("\\hsize}X");
      }
    }
    spec.append("@{}");
    out.append(x ? "\\begin{tabularx}{\\linewidth}{" : "\\begin{tabular}{")
        .append(spec).append("}\n\\toprule\n");
    List<String> heads = new ArrayList<>();
    for (int c : part.columns()) {
      heads.add(heading(c));
    }
    out.append(String.join(" & ", heads)).append(" \\\\\n\\midrule\n");
    if (part.rows().isEmpty()) {
      out.append("\\multicolumn{").append(part.columns().size()).append("}{@{}l@{}}{(no rows)} \\\\\n");
    }
    for (Value[] row : part.rows()) {
      List<String> cells = new ArrayList<>();
      for (int c : part.columns()) {
        cells.add(cell(row[c], c));
      }
      out.append(String.join(" & ", cells)).append(" \\\\\n");
    }
    out.append("\\bottomrule\n").append(x ? "\\end{tabularx}\n" : "\\end{tabular}\n")
        .append("\\end{table}\n");
  }

  private String heading(int c) {
    if (layout.wraps(c)) {
      return breakable(headings.get(c));
    }
    List<String> lines = layout.headingLines(c);
    if (lines.size() == 1) {
      return LatexText.of(lines.get(0));
    }
    // A heading over narrow numbers stacks its words, bottom-aligned on the rule below it.
    return "\\begin{tabular}[b]{@{}" + (layout.numeric(c) ? "r" : "l") + "@{}}"
        + String.join("\\\\", lines.stream().map(LatexText::of).toList()) + "\\end{tabular}";
  }

  private String cell(Value v, int c) {
    int interval = LatexLayout.intervalStart(v.text());
    if (layout.numeric(c) && layout.stacked() && interval > 0) {
      // \relax: a "[" right after \\ would be read as the line break's optional length.
      return "\\begin{tabular}[t]{@{}r@{}}" + number(v.text().substring(0, interval))
          + "\\\\\\relax " + number(v.text().substring(interval + 1)) + "\\end{tabular}";
    }
    if (layout.numeric(c)) {
      return number(v.text());
    }
    return layout.wraps(c) ? breakable(v.text()) : LatexText.of(v.text());
  }

  /** A number's text in plain math: real minus signs, powers of ten instead of "e". */
  static String number(String text) {
    String signed = MINUS.matcher(text).replaceAll("\u2212");
    StringBuilder out = new StringBuilder();
    Matcher m = SCIENTIFIC.matcher(signed);
    int at = 0;
    while (m.find()) {
      out.append(LatexText.of(signed.substring(at, m.start())));
      int exponent = Integer.parseInt(m.group(2));
      out.append('$').append(m.group(1)).append("\\times10^{").append(exponent).append("}$");
      at = m.end();
    }
    out.append(LatexText.of(signed.substring(at)));
    // A minus before a power of ten is math beside math: "$-$$1.2..." would read as display math.
    return ADJACENT_MATH.matcher(out).replaceAll("");
  }

  /**
   * Text for a wrapping column: breakable after {@code , ; / = _ |} and before {@code (}, where
   * identifiers and lists of settings ({@code adam(lr=0.001,beta1=0.9)}) read well split.
   */
  static String breakable(String text) {
    StringBuilder out = new StringBuilder();
    int start = 0;
    for (int i = 1; i < text.length(); i++) {
      char before = text.charAt(i - 1);
      char at = text.charAt(i);
      boolean opportunity = (BREAK_AFTER.indexOf(before) >= 0 || BREAK_BEFORE.indexOf(at) >= 0)
          && at != ' ' && before != ' ';
      if (opportunity) {
        out.append(LatexText.of(text.substring(start, i))).append("\\allowbreak{}");
        start = i;
      }
    }
    return out.append(LatexText.of(text.substring(start))).toString();
  }

  private static String fmt(double points) {
    return String.format(Locale.ROOT, "%.0f", points);
  }
}
