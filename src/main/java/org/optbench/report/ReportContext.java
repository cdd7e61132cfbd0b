package org.optbench.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.optbench.io.ResultSeries;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.SpecException;
import org.optbench.spec.SpecParser;
import tech.tablesaw.api.Row;

/**
 * What the sections of one report share: the result set, its cells in grid order, the styles that
 * keep an optimizer's colour the same in every chart, and the tables exported beside the page.
 */
public final class ReportContext {

  private final ResultSeries results;
  private final List<CellInfo> cells;
  private final Map<String, List<CellInfo>> workloads;
  private final Styles styles;
  private final Map<String, List<String>> runsOfCell = new LinkedHashMap<>();
  private final List<ReportTable> tables = new ArrayList<>();
  private final List<ChartFigure> charts = new ArrayList<>();
  private final int pointsPerLine;
  private Optional<ExperimentSpec> spec;
  private Optional<org.optbench.benchmark.Benchmark> benchmark;

  ReportContext(ResultSeries results) {
    this.results = results;
    // Tuning trials have their own sections; the others compare grid cells and selected settings.
    this.cells = CellInfo.of(org.optbench.io.RunRoles.withoutTrials(results.runs()));
    this.workloads = CellInfo.byWorkload(cells);
    this.styles = new Styles(cells);
    for (Row r : results.runs()) {
      runsOfCell.computeIfAbsent(r.getString("cell"), c -> new ArrayList<>()).add(r.getString("run_id"));
    }
    // A chart of many cells with 1000 points per line draws slowly and adds nothing a screen can
    // show: keep the points of one chart under about 60,000 (three lines per cell: mean, band
    // edges). With 100 cells that is 200 points per line, still each bucket's extremes.
    int perWorkload = workloads.values().stream().mapToInt(List::size).max().orElse(1);
    this.pointsPerLine = Math.max(200, Math.min(Downsample.MAX_POINTS, 60_000 / (3 * perWorkload)));
  }

  /** The result set. */
  public ResultSeries results() {
    return results;
  }

  /** The folder the result set was read from, for sections that read optional files in it. */
  public Path resultsDir() {
    return results.dir();
  }

  /** The cells, in grid order. */
  List<CellInfo> cells() {
    return cells;
  }

  /** The cells grouped by workload, in grid order. */
  Map<String, List<CellInfo>> workloads() {
    return workloads;
  }

  Styles styles() {
    return styles;
  }

  /** Run ids of a cell (one per seed), in file order. */
  public List<String> runsOf(String cell) {
    return runsOfCell.getOrDefault(cell, List.of());
  }

  /** Points per line for charts of this report. */
  int pointsPerLine() {
    return pointsPerLine;
  }

  /**
   * The experiment spec, parsed again from the manifest's copy of it; empty when it no longer
   * parses (written by another optbench version).
   */
  public Optional<ExperimentSpec> spec() {
    if (spec == null) {
      try {
        spec =
            Optional.of(
                SpecParser.parse(
                    Path.of(results.manifest().specFile()), results.manifest().specText()));
      } catch (SpecException | RuntimeException e) {
        spec = Optional.empty();
      }
    }
    return spec;
  }

  /** The scored benchmark of a tuned spec's results; empty when nothing is tuned. */
  public Optional<org.optbench.benchmark.Benchmark> benchmark() {
    if (benchmark == null) {
      benchmark = spec().flatMap(s -> org.optbench.benchmark.BenchmarkReader.read(results, s));
    }
    return benchmark;
  }

  /**
   * Registers {@code table} for export ({@code tables/<id>.csv|.tex|.md} beside the page) and
   * returns its HTML.
   */
  public String table(ReportTable table) {
    if (tables.stream().anyMatch(t -> t.id().equals(table.id()))) {
      throw new IllegalArgumentException("two tables with id " + table.id());
    }
    tables.add(table);
    return table.html();
  }

  /**
   * Registers {@code chart} (complete) for export by {@code figures} and returns its figure
   * element for the page.
   */
  String chart(Chart chart, String caption) {
    if (charts.stream().anyMatch(c -> c.id().equals(chart.id()))) {
      throw new IllegalArgumentException("two charts with id " + chart.id());
    }
    ChartFigure figure = new ChartFigure(chart.id(), caption, chart.figure());
    charts.add(figure);
    return chart.html(caption, figure.figure());
  }

  /** The charts registered so far, in page order. */
  public List<ChartFigure> charts() {
    return Collections.unmodifiableList(charts);
  }

  /** The tables registered so far. */
  public List<ReportTable> tables() {
    return Collections.unmodifiableList(tables);
  }
}
