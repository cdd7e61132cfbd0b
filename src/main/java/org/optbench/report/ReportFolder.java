package org.optbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.optbench.io.GeneratedPages;
import org.optbench.io.OutputLocations;
import org.optbench.spec.SafeNames;

/**
 * Where a report is written; nothing of it is written anywhere else. Two layouts:
 *
 * <pre>
 * in a reports root ({@code run --reports ROOT}; {@code report R} without --out: ROOT = reports/)
 *   ROOT/index.html               the list of the reports in ROOT
 *   ROOT/&lt;name&gt;/index.html, report.json, tables/
 *   ROOT/plotly-2.35.3.js         only with --plotly shared: loaded by every report in ROOT
 *
 * alone ({@code report R --out DIR}): nothing written outside DIR
 *   DIR/index.html, report.json, tables/
 *   DIR/plotly-2.35.3.js          only with --plotly shared
 * </pre>
 *
 * <p>By default ({@link PlotlyPlacement#INLINE}) the page carries plotly itself, so index.html alone
 * is the whole report and opens from any folder.
 *
 * <p>A page is replaced only when optbench wrote it ({@link GeneratedPages}); files optbench did
 * not write are left where they are, never deleted, and listed by {@link #foreignFiles}.
 *
 * @param dir the report's own folder
 * @param root the reports root that holds {@code dir}, or empty for a report of its own
 * @param plotly where the page gets plotly from
 */
public record ReportFolder(Path dir, Optional<Path> root, PlotlyPlacement plotly) {

  static final String INDEX = "index.html";
  static final String TABLES = "tables";
  /** Where {@code compare} puts its page by default, inside the experiment's report folder. */
  static final String COMPARE = "compare";

  /**
   * The report folder {@code root/<name>/}.
   *
   * @throws IllegalArgumentException when {@code name} is no safe folder name ({@link SafeNames})
   */
  public static ReportFolder inRoot(Path root, String name) {
    SafeNames.problem(name).ifPresent(problem -> {
      throw new IllegalArgumentException("report folder name: " + problem);
    });
    return new ReportFolder(root.resolve(name), Optional.of(root), PlotlyPlacement.INLINE);
  }

  /** A report of its own in {@code dir}. */
  public static ReportFolder standalone(Path dir) {
    return new ReportFolder(dir, Optional.empty(), PlotlyPlacement.INLINE);
  }

  /** This folder with the page getting plotly from {@code placement}. */
  public ReportFolder withPlotly(PlotlyPlacement placement) {
    return new ReportFolder(dir, root, placement);
  }

  /** The folder that holds the shared plotly script: the root, or the report's own folder. */
  Path assetFolder() {
    return root.orElse(dir);
  }

  /** The page's relative link to the plotly script. */
  String plotlyHref() {
    return (root.isPresent() ? "../" : "") + PlotlyAsset.FILE_NAME;
  }

  /**
   * What stops the report from being written here, or empty: a folder that cannot be written, a
   * page optbench did not write at a name it writes, or something else in the way.
   */
  public Optional<String> problem() {
    Optional<String> problem = root.flatMap(OutputLocations::folderProblem)
        .or(() -> OutputLocations.folderProblem(dir))
        .or(() -> GeneratedPages.replaceProblem(dir.resolve(INDEX)))
        .or(() -> OutputLocations.fileProblem(dir.resolve(ReportIndex.INFO)))
        .or(() -> plotly == PlotlyPlacement.SHARED
            ? OutputLocations.fileProblem(assetFolder().resolve(PlotlyAsset.FILE_NAME))
            : Optional.empty())
        .or(() -> root.flatMap(r -> GeneratedPages.replaceProblem(r.resolve(INDEX))));
    if (problem.isPresent()) {
      return problem;
    }
    Path tables = dir.resolve(TABLES);
    if (Files.exists(tables) && !Files.isDirectory(tables)) {
      return Optional.of(tables + " is in the way: optbench writes a folder of that name there;"
          + " move it or choose another folder");
    }
    if (Files.exists(tables) && !holdsAReport()) {
      return Optional.of(tables + " exists but " + dir + " holds no optbench report, so optbench"
          + " would overwrite files it did not write; move tables/ or choose another folder");
    }
    return Optional.empty();
  }

  /** Whether {@code dir} holds a report optbench wrote (its page or its report.json). */
  private boolean holdsAReport() {
    return Files.isRegularFile(dir.resolve(ReportIndex.INFO)) || Files.isRegularFile(dir.resolve(INDEX));
  }

  /**
   * Every folder optbench writes files into for this report (the root, the report's folder, its
   * tables, and the default folder of {@code compare}), where a killed process may have left a
   * temporary file.
   */
  public List<Path> folders() {
    List<Path> folders = new ArrayList<>();
    root.ifPresent(folders::add);
    folders.addAll(List.of(dir, dir.resolve(TABLES), dir.resolve(COMPARE)));
    return folders;
  }

  /** The entries of the report folder that optbench did not write, sorted. */
  public List<Path> foreignFiles() throws IOException {
    Set<String> own = new HashSet<>(Set.of(INDEX, ReportIndex.INFO, TABLES, COMPARE));
    if (root.isEmpty()) {
      // Written here by an earlier report with --plotly shared, even when this one is inline.
      own.add(PlotlyAsset.FILE_NAME);
    }
    return OutputLocations.foreignEntries(dir, own);
  }
}
