package org.optbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optbench.report.ReportTable.Column;
import org.optbench.report.ReportTable.Value;
import org.optbench.stats.Estimate;
import org.optbench.stats.Interval;
import org.optbench.stats.Pairing;

/** The CSV, Markdown and LaTeX of hand-made tables, checked against what each format requires. */
class TableExportTest {

  @Test
  void markdownIsAPipeTableThatParsesBackCellForCell() {
    ReportTable t = new ReportTable("pipes", "Cells with | and * in them.", List.of("name", "runs"));
    t.row(Value.text("a|b"), Value.integer(3));
    t.row(Value.text("*bold* [link]"), Value.integer(12));
    String[] lines = t.markdown().split("\n");
    assertEquals("Table: Cells with \\| and \\* in them.", lines[0], "caption line above");
    assertEquals("", lines[1]);
    assertEquals("| name | runs |", lines[2]);
    assertEquals("|---|---:|", lines[3], "numbers aligned right");
    List<List<String>> rows = new ArrayList<>();
    for (int i = 4; i < lines.length; i++) {
      rows.add(cells(lines[i]));
    }
    assertEquals(List.of(List.of("a\\|b", "3"), List.of("\\*bold\\* \\[link\\]", "12")), rows);
  }

  @Test
  void csvNamesColumnsInSnakeCaseAndWritesCountsAsIntegers() {
    ReportTable t = new ReportTable("memory", "Bytes.",
        List.of("optimizer", "param bytes", "count", "ratio", "speed-up"));
    t.row(Value.text("adam"), Value.bytes(16432), Value.integer(3), Value.number(1.0),
        Value.of("– (no workload reached by both)", Double.NaN));
    t.row(Value.text("sgd"), Value.bytes(Double.NaN), Value.integer(0), Value.number(0.5),
        Value.of("2.0× (1 workload)", 2.0));
    assertEquals("""
        optimizer,param_bytes,memory_count,ratio,speed_up
        adam,16432,3,1.0,
        sgd,,0,0.5,2.0
        """, t.csv());
  }

  @Test
  void csvSplitsAnEstimateIntoMeanAndBounds() {
    ReportTable t = ReportTable.withColumns("summary", "Means [95% interval].",
        List.of(Column.text("cell"), Column.estimate("final loss")));
    t.row(Value.text("a"), Value.estimate(estimate(0.25, 0.125, 0.375)));
    assertEquals("cell,final_loss_mean,final_loss_ci_low,final_loss_ci_high\na,0.25,0.125,0.375\n",
        t.csv());
    // LaTeX shows the cell as the page does.
    assertTrue(t.latex().contains("a & 0.2500 [0.1250, 0.3750] \\\\"), t.latex());
  }

  @Test
  void latexIsOneFloatWhenTheTableFits() {
    ReportTable t = new ReportTable("tiny", "A 50% table_with specials.", List.of("a", "b"));
    t.row(Value.text("x"), Value.integer(1));
    assertEquals("""
        % tiny: A 50\\% table\\_with specials.
        % Packages: booktabs
        % Include with \\input{tables/tiny.tex} (a table float, label tab:tiny).
        % Sized for a 345pt text width (article class, 10pt); written by optbench.
        \\begin{table}[tbp]
        \\centering
        \\caption{A 50\\% table\\_with specials.}
        \\label{tab:tiny}
        \\small
        \\setlength{\\tabcolsep}{4pt}
        \\begin{tabular}{@{}lr@{}}
        \\toprule
        a & b \\\\
        \\midrule
        x & 1 \\\\
        \\bottomrule
        \\end{tabular}
        \\end{table}
        """, t.latex());
  }

  @Test
  void latexSplitsAWideTableIntoColumnGroupsThatRepeatTheIdentifyingColumns() {
    // 12 numeric columns of "0.1234 [0.1000, 0.1500]" (about 100 pt each at \footnotesize, 65 pt
    // with the interval below the mean): a 345 pt text width takes the two identifying columns
    // and a few of them at a time.
    List<Column> columns = new ArrayList<>(List.of(Column.text("workload"), Column.text("setting")));
    for (int i = 0; i < 12; i++) {
      columns.add(Column.estimate("metric_" + i));
    }
    ReportTable t = ReportTable.withColumns("wide", "Twelve metrics.", columns);
    for (int r = 0; r < 2; r++) {
      Value[] row = new Value[columns.size()];
      row[0] = Value.text("mlp");
      row[1] = Value.text("adam(lr=0.001) · none");
      for (int i = 0; i < 12; i++) {
        row[i + 2] = Value.estimate(estimate(0.1234, 0.1, 0.15));
      }
      t.row(row);
    }
    String tex = t.latex();
    int floats = count(tex, "\\begin{table}");
    assertTrue(floats >= 3, tex);
    // Too wide at \footnotesize: each interval below its mean.
    assertTrue(tex.contains("\\begin{tabular}[t]{@{}r@{}}0.1234\\\\\\relax [0.1000, 0.1500]\\end{tabular}"),
        tex);
    assertEquals(floats, count(tex, "\\end{table}"));
    assertTrue(tex.contains("\\label{tab:wide}") && tex.contains("\\label{tab:wide-" + floats + "}"));
    assertTrue(tex.contains("\\caption{Table~\\ref{tab:wide} continued (part 2 of " + floats + ").}"));
    // Each metric in one float, the identifying columns in every float's rows.
    for (int i = 0; i < 12; i++) {
      assertEquals(1, count(tex, "metric\\_" + i + " "), "metric_" + i);
    }
    assertEquals(2 * floats, count(tex, "mlp & adam"), "identifying columns repeated");
    assertTrue(tex.contains("\\footnotesize"), tex);
  }

  private static int count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }

  private static Estimate estimate(double mean, double low, double high) {
    return new Estimate("mean", mean, new Interval(low, high, 0.95, Interval.Method.STUDENT_T), 3,
        Pairing.NONE, 0.1);
  }

  /** The cells of a GFM table row: split on pipes that no backslash escapes. */
  private static List<String> cells(String line) {
    assertTrue(line.startsWith("| ") && line.endsWith(" |"), line);
    List<String> out = new ArrayList<>();
    for (String cell : line.substring(2, line.length() - 2).split(" (?<!\\\\)\\| ")) {
      out.add(cell);
    }
    return out;
  }
}
