package org.optbench.figures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.optbench.report.ChartFigure;

/**
 * Exports the charts of a report as paper figures: one file per chart, {@code <chart id>.<format>},
 * and {@link FigureFolder#CAPTIONS}, all rendered before any is written.
 *
 * <pre>{@code
 * List<ChartFigure> charts = ReportCharts.of(ResultSeries.read(Path.of("results/quickstart")));
 * FigureOptions options = new FigureOptions(FigureFormat.PDF, FigureSize.SINGLE,
 *     FigureOptions.DEFAULT_FONT_POINTS, PaperFont.SANS, 1);
 * new FigureExport(Path.of("/usr/bin/chromium"), Duration.ofSeconds(120))
 *     .export("quickstart", charts, options, new FigureFolder(Path.of("paper/figures")));
 * }</pre>
 */
public final class FigureExport {

  private final ChromiumFigures renderer;

  /**
   * @param chromium the headless browser that draws the figures
   * @param timeout the longest the browser may take to start, or to draw one figure
   */
  public FigureExport(Path chromium, Duration timeout) {
    this.renderer = new ChromiumFigures(chromium, timeout);
  }

  /**
   * The charts whose ids are in {@code only} (all of them when it is empty), in page order, or a
   * message naming the ids that match no chart and listing those that do.
   */
  public static Selection select(List<ChartFigure> charts, List<String> only) {
    if (only.isEmpty()) {
      return new Selection(charts, Optional.empty());
    }
    Set<String> ids = charts.stream().map(ChartFigure::id).collect(Collectors.toCollection(LinkedHashSet::new));
    List<String> unknown = only.stream().filter(id -> !ids.contains(id)).distinct().toList();
    if (!unknown.isEmpty()) {
      return new Selection(List.of(), Optional.of("--only names no chart " + String.join(", ", unknown)
          + "; the report's charts are: " + (ids.isEmpty() ? "(none)" : String.join(", ", ids))));
    }
    return new Selection(charts.stream().filter(c -> only.contains(c.id())).toList(), Optional.empty());
  }

  /** The file names an export of {@code charts} writes, captions included. */
  public static Set<String> fileNames(List<ChartFigure> charts, FigureFormat format) {
    Set<String> names = new LinkedHashSet<>();
    for (ChartFigure chart : charts) {
      names.add(chart.id() + "." + format.extension());
    }
    names.add(FigureFolder.CAPTIONS);
    return names;
  }

  /**
   * Renders {@code charts} and writes them with their captions into {@code folder}; nothing is
   * written when rendering fails.
   *
   * @return the files written, figures in page order, then the captions, and the charts whose
   *     legend did not fit
   * @throws IOException when the folder refuses the files ({@link FigureFolder#problem}), the
   *     browser fails or times out, or writing fails
   */
  public Exported export(
      String experiment, List<ChartFigure> charts, FigureOptions options, FigureFolder folder)
      throws IOException {
    Optional<String> problem = folder.problem(fileNames(charts, options.format()));
    if (problem.isPresent()) {
      throw new IOException(problem.get());
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    ChromiumFigures.Rendered rendered = renderer.render(charts, options);
    rendered.files().forEach(
        (id, content) -> files.put(id + "." + options.format().extension(), content));
    files.put(FigureFolder.CAPTIONS,
        Captions.latex(experiment, charts, options.format()).getBytes(StandardCharsets.UTF_8));
    folder.write(files);
    List<Path> written = new ArrayList<>();
    files.keySet().forEach(name -> written.add(folder.dir().resolve(name)));
    return new Exported(written, rendered.legendsCut());
  }

  /**
   * What {@link #export} wrote.
   *
   * @param files the files, figures in page order, then the captions
   * @param legendsCut ids of the charts whose legend did not fit in the figure (its last rows are
   *     missing): a larger size shows them
   */
  public record Exported(List<Path> files, List<String> legendsCut) {}

  /**
   * The outcome of {@link #select}.
   *
   * @param charts the selected charts; empty when there is a problem
   * @param problem what is wrong with the selection, if anything
   */
  public record Selection(List<ChartFigure> charts, Optional<String> problem) {}
}
