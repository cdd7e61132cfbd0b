package org.optbench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.optbench.io.AtomicFiles;
import org.optbench.io.GeneratedPages;
import org.optbench.io.ResultSeries;

/**
 * Builds {@code reports/<experiment>/index.html} from {@code results/<experiment>/} alone, with
 * every table beside it in {@code tables/} (CSV, LaTeX, Markdown), and refreshes {@code
 * reports/index.html}, the list of all reports in that folder; or builds a self-contained report
 * in a folder of its own ({@link ReportFolder}).
 *
 * <pre>{@code
 * Path index = ReportBuilder.build(Path.of("results/quickstart"),
 *     ReportFolder.inRoot(Path.of("reports"), "quickstart"));
 * }</pre>
 *
 * <p>The page loads {@code plotly-2.35.3.js} (shared in the reports root, or beside a
 * self-contained page) and nothing else: no CDN, no remote fonts, so it opens from {@code file://}
 * offline.
 * Element ids are stable: sections by {@link ReportSection#id()}, charts by their div id (figure
 * {@code figure-<id>}), tables {@code table-<id>}, so that a paper build can link one figure.
 */
public final class ReportBuilder {

  /**
   * The sections, in page order: the answer first (headline, claims, benchmark scores), then what
   * ran, then the evidence. Each section decides itself whether the result set has anything for it.
   */
  public static final List<ReportSection> SECTIONS =
      List.of(
          new HeadlineSection(),
          new ClaimsSection(),
          new BenchmarkSection(),
          new OverviewSection(),
          new TuningSection(),
          new ConvergenceSection(),
          new StepSizeSection(),
          new StabilitySection(),
          new MemorySection(),
          new CrossCheckSection(),
          new SamplesSection(),
          new SpecSection());

  private ReportBuilder() {}

  /**
   * Reads the result set in {@code resultsDir} and writes the report into {@code folder}: its
   * {@code index.html}, {@code tables/*}, {@code report.json}, the plotly script when missing, and
   * for a folder in a reports root, the root's {@code index.html}.
   *
   * @return the page's path
   * @throws IOException when {@code resultsDir} is not a readable result set (the message says what
   *     is missing), when {@link ReportFolder#problem} finds one, or the report cannot be written
   */
  public static Path build(Path resultsDir, ReportFolder folder) throws IOException {
    Optional<String> problem = folder.problem();
    if (problem.isPresent()) {
      throw new IOException(problem.get());
    }
    ResultSeries results = ResultSeries.read(resultsDir);
    Path out = folder.dir().toAbsolutePath();
    Files.createDirectories(out);
    if (folder.plotly() == PlotlyPlacement.SHARED) {
      PlotlyAsset.install(folder.assetFolder().toAbsolutePath());
    }
    ReportContext context = new ReportContext(results);
    Path index = out.resolve(ReportFolder.INDEX);
    AtomicFiles.writeString(index, page(context, SECTIONS, folder));
    Path tables = out.resolve(ReportFolder.TABLES);
    Files.createDirectories(tables);
    for (ReportTable t : context.tables()) {
      AtomicFiles.writeString(tables.resolve(t.id() + ".csv"), t.csv());
      AtomicFiles.writeString(tables.resolve(t.id() + ".tex"), t.latex());
      AtomicFiles.writeString(tables.resolve(t.id() + ".md"), t.markdown());
    }
    ReportIndex.record(out, results.manifest());
    if (folder.root().isPresent()) {
      ReportIndex.write(folder.root().get().toAbsolutePath());
    }
    return index;
  }

  /** The page of {@code sections} that apply to the context's result set, for {@code folder}. */
  static String page(ReportContext context, List<ReportSection> sections, ReportFolder folder)
      throws IOException {
    String name = Html.escape(context.results().experiment());
    List<ReportSection> shown = new ArrayList<>();
    for (ReportSection s : sections) {
      if (s.appliesTo(context)) {
        shown.add(s);
      }
    }
    StringBuilder html = new StringBuilder(4 << 20);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append(GeneratedPages.MARK)
        .append("\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(name)
        .append(" · optbench report</title>\n<style>\n")
        .append(resource("report.css"))
        .append("</style>\n<script>\n")
        .append(resource("report.js"))
        .append("</script>\n");
    if (folder.plotly() == PlotlyPlacement.SHARED) {
      html.append("<script defer src=\"")
          .append(folder.plotlyHref())
          .append("\"></script>\n");
    }
    html.append("</head>\n<body>\n")
        .append("<pre id=\"js-errors\" hidden></pre>\n")
        .append("<p id=\"plotly_missing\" class=\"warning\" hidden>");
    if (folder.plotly() == PlotlyPlacement.SHARED) {
      html.append("Charts need ")
          .append(PlotlyAsset.FILE_NAME)
          .append(folder.root().isPresent() ? " in the folder above this report" : " beside this page")
          .append("; run <code>optbench report</code> again to restore it.</p>\n");
    } else {
      html.append("Charts could not be drawn: this page carries plotly compressed and needs a"
          + " browser with DecompressionStream (Chrome 80, Firefox 113, Safari 16.4 or later).</p>\n");
    }
    html.append("<header>\n");
    if (folder.root().isPresent()) {
      // Only a report in a reports root has a list of reports above it.
      html.append("<p class=\"up\"><a href=\"../index.html\">All reports</a></p>\n");
    }
    html.append("<h1>")
        .append(name)
        .append("</h1>\n");
    String description = context.results().manifest().description();
    if (description != null && !description.isBlank()) {
      html.append("<p class=\"description\">").append(Html.escape(description)).append("</p>\n");
    }
    html.append("</header>\n<nav><h2>Contents</h2><ul>\n");
    for (ReportSection s : shown) {
      html.append("<li><a href=\"#")
          .append(Html.escape(s.id()))
          .append("\">")
          .append(Html.escape(s.title()))
          .append("</a></li>\n");
    }
    html.append("</ul></nav>\n");
    html.append(FilterControls.html(context.cells()));
    for (ReportSection s : shown) {
      html.append("<section id=\"")
          .append(Html.escape(s.id()))
          .append("\">\n<h2>")
          .append(Html.escape(s.title()))
          .append("</h2>\n")
          .append(s.html(context))
          .append("</section>\n");
    }
    html.append("<footer><p>Built by optbench from the result set ")
        .append(Html.escape(context.resultsDir().getFileName().toString()))
        .append(". Tables: <code>tables/</code> beside this page (CSV, LaTeX, Markdown).</p></footer>\n");
    if (folder.plotly() == PlotlyPlacement.INLINE) {
      // Last, so that the page's text is parsed and shown before the 3 MB of script data.
      html.append(PlotlyAsset.inlineElement());
    }
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  static String resource(String name) {
    try (InputStream in = ReportBuilder.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
