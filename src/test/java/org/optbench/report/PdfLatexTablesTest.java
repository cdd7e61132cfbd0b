package org.optbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every exported LaTeX table of real reports ({@link ExportedTables}) with pdflatex, the
 * way a paper would: an article (10 pt, its default 345 pt text width) that loads the packages
 * the files' headers name and {@code \input}s each file. Fails on any LaTeX error, on a box more
 * than {@value #OVERFULL_TOLERANCE_PT} pt too wide, and on a float taller than the page.
 *
 * <p>Why a TeX installation in CI: the user-visible failures of these files (a Unicode character
 * pdflatex has no glyph for, a table wider than the page) show only when TeX sets them. Debian's
 * texlive-latex-recommended has booktabs and pulls in texlive-latex-base (pdflatex, tabularx);
 * {@code .ci/run} installs it. Where no pdflatex is installed the compilation is skipped, saying
 * so; the checks of the files' text still run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PdfLatexTablesTest {

  static final Path PDFLATEX = Path.of("/usr/bin/pdflatex");

  /** TeX reports boxes 0.1 pt over; a table 1 pt into the margin is invisible in print. */
  static final double OVERFULL_TOLERANCE_PT = 1.0;

  @TempDir static Path tmp;

  List<Path> folders;

  @BeforeAll
  void buildReports() throws IOException {
    folders = new ArrayList<>(ExportedTables.build(tmp));
    folders.add(extremes(Files.createDirectories(tmp.resolve("extremes"))));
  }

  /**
   * Tables at the edges of the layout rule, written as a report writes them: 16 estimate columns
   * of negative numbers in powers of ten (wider set than typed), a 6,000-character cell (the
   * grid's value list of a large benchmark) and 120 rows of wrapped settings.
   */
  private static Path extremes(Path dir) throws IOException {
    List<ReportTable.Column> columns = new ArrayList<>(
        List.of(ReportTable.Column.text("workload"), ReportTable.Column.text("setting")));
    for (int i = 0; i < 16; i++) {
      columns.add(ReportTable.Column.estimate("metric_" + i));
    }
    ReportTable wide = ReportTable.withColumns("wide", "Sixteen metrics.", columns);
    List<ReportTable.Value> row = new ArrayList<>(List.of(ReportTable.Value.text("mlp"),
        ReportTable.Value.text("sgd(lr=0.1,momentum=0.9) · global_norm · djl")));
    for (int i = 0; i < 16; i++) {
      row.add(ReportTable.Value.estimate(new org.optbench.stats.Estimate("mean", -1.234e-5,
          new org.optbench.stats.Interval(-2.5e-5, -3.1e-7, 0.95,
              org.optbench.stats.Interval.Method.STUDENT_T), 3,
          org.optbench.stats.Pairing.NONE, 1e-5)));
    }
    wide.row(row.toArray(ReportTable.Value[]::new));
    ReportTable grid = new ReportTable("long_cell", "One long cell.", List.of("axis", "values", "count"));
    List<String> settings = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      settings.add("adam(lr=" + (i + 1) + ".0E-4,beta1=0.9,beta2=0.999,eps=1.0E-8,weight_decay=0.0)");
    }
    grid.row(ReportTable.Value.text("optimizer"), ReportTable.Value.text(String.join("; ", settings)),
        ReportTable.Value.integer(60));
    ReportTable tall = new ReportTable("many_rows", "Many rows.", List.of("trial", "setting", "loss"));
    for (int i = 0; i < 120; i++) {
      tall.row(ReportTable.Value.integer(i), ReportTable.Value.text(settings.get(i % 60)),
          ReportTable.Value.number(-0.5 + i * 1e-3));
    }
    for (ReportTable table : List.of(wide, grid, tall)) {
      Files.writeString(dir.resolve(table.id() + ".tex"), table.latex());
    }
    return dir;
  }

  @Test
  void everyReportExportsTablesOfEachSection() throws IOException {
    Set<String> ids = new TreeSet<>();
    for (Path folder : folders) {
      ExportedTables.files(folder, "tex")
          .forEach(f -> ids.add(f.getFileName().toString().replace(".tex", "")));
    }
    for (String id : List.of("summary", "grid", "manifest", "claims", "convergence", "stability",
        "memory", "factored", "headline", "divergences", "tuning_trials", "benchmark_targets",
        "benchmark_scores", "benchmark_times", "benchmark_time_matrix", "benchmark_profile",
        "benchmark_budget")) {
      assertTrue(ids.contains(id), id + " among " + ids);
    }
  }

  @Test
  void eachFileIsAFloatWithCaptionLabelRulesAndAHeaderNamingItsPackages() throws IOException {
    for (Path folder : folders) {
      for (Path file : ExportedTables.files(folder, "tex")) {
        String id = file.getFileName().toString().replace(".tex", "");
        String tex = Files.readString(file);
        assertTrue(tex.contains("% Packages: booktabs"), file.toString());
        assertTrue(tex.contains("\\input{tables/" + id + ".tex}"), file.toString());
        assertTrue(tex.contains("\\label{tab:" + id + "}"), file.toString());
        assertEquals(count(tex, "\\begin{table}[tbp]"), count(tex, "\\end{table}"), file.toString());
        assertEquals(count(tex, "\\begin{table}[tbp]"), count(tex, "\\caption{"), file.toString());
        assertEquals(count(tex, "\\begin{table}[tbp]"), count(tex, "\\toprule"), file.toString());
        assertEquals(count(tex, "\\begin{table}[tbp]"), count(tex, "\\bottomrule"), file.toString());
        assertEquals(tex.contains("tabularx}"), tex.contains("% Packages: booktabs, tabularx"),
            file.toString());
      }
    }
  }

  /**
   * pdflatex reads the files as ASCII: every character of the tables' texts (the Markdown and CSV
   * carry them unchanged) has a LaTeX spelling, so no cell shows the replacement mark.
   */
  @Test
  void everyCharacterOfTheTablesHasALatexSpelling() throws IOException {
    for (Path folder : folders) {
      for (Path file : ExportedTables.files(folder, "tex")) {
        String tex = Files.readString(file);
        assertTrue(tex.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f)),
            file + " is not plain ASCII");
      }
      for (String ext : List.of("md", "csv")) {
        for (Path file : ExportedTables.files(folder, ext)) {
          for (char c : Files.readString(file).toCharArray()) {
            assertTrue(LatexText.isMapped(c),
                file + ": no LaTeX spelling for U+" + Integer.toHexString(c) + " '" + c + "'");
          }
        }
      }
    }
    String claims = Files.readString(folders.get(0).resolve("claims.tex"));
    assertTrue(claims.contains("$\\beta_{1}$ = 0.9 keeps $\\rho$ $\\leq$ 0.5 $\\pm$ 0.1 $\\times$"
        + " $\\sigma^{2}$; $\\eta$ $\\rightarrow$ 0 --- steps 10--20 $\\cdot$ $\\tau$\\ldots{}"),
        claims);
  }

  /** GitHub-flavoured Markdown: header, delimiter row, and as many cells in every row. */
  @Test
  void everyMarkdownTableParsesBackCellForCell() throws IOException {
    int tables = 0;
    for (Path folder : folders) {
      for (Path file : ExportedTables.files(folder, "md")) {
        tables++;
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.get(0).startsWith("Table: "), file.toString());
        assertEquals("", lines.get(1), file.toString());
        int columns = cells(lines.get(2)).size();
        List<String> delimiters = cells(lines.get(3));
        assertEquals(columns, delimiters.size(), file.toString());
        assertTrue(delimiters.stream().allMatch(d -> d.equals("---") || d.equals("---:")), file + "");
        for (String line : lines.subList(4, lines.size())) {
          assertEquals(columns, cells(line).size(), file + ": " + line);
        }
      }
    }
    assertTrue(tables >= 30, tables + " tables");
    List<String> claims = Files.readAllLines(folders.get(0).resolve("claims.md"));
    List<String> special = cells(claims.get(5));
    assertEquals("a\\_b\\|c", special.get(1), "the source cell, its pipe escaped");
    assertTrue(special.get(0).endsWith("{a\\|b}"), special.get(0));
  }

  /** The cells of a Markdown table row: split on the pipes that no backslash escapes. */
  private static List<String> cells(String row) {
    assertTrue(row.startsWith("|") && row.endsWith("|"), row);
    List<String> out = new ArrayList<>();
    for (String cell : row.substring(1, row.length() - 1).split("(?<!\\\\)\\|", -1)) {
      out.add(cell.strip());
    }
    return out;
  }

  @Test
  void pdflatexCompilesEveryTableWithinTheTextWidth() throws Exception {
    assumeTrue(Files.isExecutable(PDFLATEX),
        "no " + PDFLATEX + " (Debian texlive-latex-recommended): LaTeX compilation skipped");
    int tables = 0;
    long started = System.nanoTime();
    for (int i = 0; i < folders.size(); i++) {
      List<Path> files = ExportedTables.files(folders.get(i), "tex");
      tables += files.size();
      Path log = compile(files, Files.createDirectories(tmp.resolve("latex-" + i)));
      String text = Files.readString(log, StandardCharsets.ISO_8859_1);
      assertFalse(text.contains("\n! "), "LaTeX error in " + log + ":\n" + excerpt(text, "\n! "));
      Matcher overfull = Pattern.compile("Overfull \\\\hbox \\(([0-9.]+)pt too wide\\)").matcher(text);
      while (overfull.find()) {
        assertTrue(Double.parseDouble(overfull.group(1)) <= OVERFULL_TOLERANCE_PT,
            overfull.group() + " in " + log + ":\n" + excerpt(text, overfull.group()));
      }
      assertFalse(text.contains("Float too large for page"), excerpt(text, "Float too large"));
    }
    assertTrue(tables >= 33, tables + " tables");
    System.out.printf("pdflatex: %d tables in %.1f s%n", tables, (System.nanoTime() - started) / 1e9);
  }

  /** An article that inputs {@code files}, compiled once; returns the log. */
  private static Path compile(List<Path> files, Path dir) throws Exception {
    Set<String> packages = new TreeSet<>();
    for (Path file : files) {
      Matcher header = Pattern.compile("(?m)^% Packages: (.*)$").matcher(Files.readString(file));
      assertTrue(header.find(), file.toString());
      for (String name : header.group(1).split(",")) {
        packages.add(name.strip());
      }
    }
    List<String> doc = new ArrayList<>();
    doc.add("\\documentclass{article}");
    doc.add("\\usepackage{" + String.join(",", packages) + "}");
    doc.add("\\begin{document}");
    // The 345 pt the tables are laid out for: article's default at 10 pt on letter paper.
    doc.add("\\typeout{textwidth=\\the\\textwidth}");
    for (Path file : files) {
      // Relative, as a paper includes them; a page each, so floats never pile up.
      Path copy = Files.createDirectories(dir.resolve("tables")).resolve(file.getFileName());
      Files.copy(file, copy);
      doc.add("\\input{tables/" + file.getFileName() + "}");
      doc.add("\\clearpage");
    }
    doc.add("\\end{document}");
    Files.write(dir.resolve("tables.tex"), doc);
    Process p = new ProcessBuilder(PDFLATEX.toString(), "-interaction=nonstopmode",
        "-halt-on-error", "tables.tex")
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("pdflatex.out").toFile())
        .start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pdflatex finished");
    Path log = dir.resolve("tables.log");
    String text = Files.readString(log, StandardCharsets.ISO_8859_1);
    assertEquals(0, p.exitValue(), "pdflatex exit status:\n" + excerpt(text, "\n! "));
    assertTrue(text.contains("textwidth=345.0pt"), "text width");
    return log;
  }

  private static String excerpt(String text, String part) {
    int at = Math.max(0, text.indexOf(part));
    return text.substring(Math.max(0, at - 600), Math.min(text.length(), at + 600));
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
