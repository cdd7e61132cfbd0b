package org.optbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.optbench.figures.FigureExport;
import org.optbench.figures.FigureFolder;
import org.optbench.figures.FigureFormat;
import org.optbench.figures.FigureOptions;
import org.optbench.figures.FigureSize;
import org.optbench.figures.PaperFont;
import org.optbench.io.ResultFiles;
import org.optbench.io.ResultSeries;
import org.optbench.report.ChartFigure;
import org.optbench.report.ReportCharts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code figures RESULTS_DIR --format pdf}: the report's charts as paper figures. */
@Command(
    name = "figures",
    mixinStandardHelpOptions = true,
    description = "Write each chart of a result set's report as a paper figure (PDF, SVG or PNG),"
        + " drawn by plotly in headless Chromium, with the captions in captions.tex.")
final class FiguresCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "e.g. results/quickstart")
  Path results;

  @Option(names = "--format", required = true, paramLabel = "FORMAT",
      description = "pdf (vector, one page per figure), svg or png")
  String format;

  @Option(names = "--out", paramLabel = "DIR",
      description = "folder for the figures and captions.tex; nothing is written outside it."
          + " Default: reports/<name of RESULTS_DIR>/figures")
  Path out;

  @Option(names = "--size", paramLabel = "PRESET",
      description = "single (3.25 × 2.5 in, one column) or double (6.75 × 3 in, both columns);"
          + " default single")
  String size;

  @Option(names = "--width", paramLabel = "LENGTH",
      description = "figure width in inches (3.25 or 3.25in) or points (234pt); with --height")
  String width;

  @Option(names = "--height", paramLabel = "LENGTH", description = "figure height, as --width")
  String height;

  @Option(names = "--font-size", paramLabel = "PT", defaultValue = "8",
      description = "size of every text in points on paper; default ${DEFAULT-VALUE}")
  double fontSize;

  @Option(names = "--font", paramLabel = "FAMILY", defaultValue = "sans",
      description = "sans (Helvetica) or serif (Times); default ${DEFAULT-VALUE}")
  String font;

  @Option(names = "--scale", paramLabel = "N",
      description = "png only: device pixels per CSS pixel (96 dpi × N); default 3")
  Integer scale;

  @Option(names = "--only", paramLabel = "ID", split = ",",
      description = "chart ids to export (the ids of the report's chart divs, e.g. loss_1)")
  List<String> only = new ArrayList<>();

  @Option(names = "--chromium", paramLabel = "PATH", defaultValue = "/usr/bin/chromium",
      description = "the headless browser that draws the figures; default ${DEFAULT-VALUE}")
  Path chromium;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
      description = "longest time for the browser to start and load plotly, or to draw one"
          + " figure; default ${DEFAULT-VALUE}")
  int timeout;

  /** The reports root used without --out. */
  private static final Path REPORTS = Path.of("reports");

  @Override
  public Integer call() throws Exception {
    FigureOptions options = options();
    if (timeout <= 0) {
      throw new UserInputException("--timeout must be a positive number of seconds: " + timeout);
    }
    checkResults();
    if (!Files.isExecutable(chromium)) {
      throw new UserInputException(chromium + ": no Chromium to draw the figures; install it"
          + " (Debian/Ubuntu: apt-get install chromium) or pass --chromium PATH");
    }
    Path dir = out != null
        ? out
        : REPORTS.resolve(ReportCommand.reportName(results)).resolve("figures");
    OutputChecks.folder(out != null ? "--out" : "figures folder", dir);
    ResultSeries series = ResultSeries.read(results);
    List<ChartFigure> all = ReportCharts.of(series);
    FigureExport.Selection selection = FigureExport.select(all, only);
    OutputChecks.none(selection.problem());
    if (selection.charts().isEmpty()) {
      throw new UserInputException(results + ": its report has no charts to export");
    }
    FigureFolder folder = new FigureFolder(dir);
    OutputChecks.none(folder.problem(FigureExport.fileNames(selection.charts(), options.format())));
    long start = System.nanoTime();
    FigureExport.Exported written;
    try {
      written = new FigureExport(chromium, Duration.ofSeconds(timeout))
          .export(series.experiment(), selection.charts(), options, folder);
    } catch (IOException e) {
      System.err.println("error: figures not written: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("figures: %d %s file(s) of %s in %s, drawn in %.1f s; captions: %s%n",
        written.files().size() - 1, options.format().extension(), options.size(), dir, seconds,
        dir.resolve(FigureFolder.CAPTIONS));
    if (!written.legendsCut().isEmpty()) {
      System.out.println("warning: the legend of " + String.join(", ", written.legendsCut())
          + " does not fit in " + options.size() + " and lost its last rows; use --size double,"
          + " a larger --height, or a smaller --font-size");
    }
    return ExitCodes.OK;
  }

  /** The options, every value checked; nothing is read or written before this. */
  private FigureOptions options() {
    FigureFormat fmt = FigureFormat.named(format).orElseThrow(() -> new UserInputException(
        "--format " + format + " is not a figure format; use one of " + FigureFormat.names()));
    PaperFont family = PaperFont.named(font).orElseThrow(() -> new UserInputException(
        "--font " + font + " is not a font choice; use one of " + PaperFont.names()));
    if (!(fontSize > 0) || !Double.isFinite(fontSize)) {
      throw new UserInputException("--font-size must be a positive size in points: " + fontSize);
    }
    if (scale != null && fmt != FigureFormat.PNG) {
      throw new UserInputException("--scale applies to png only; " + fmt.extension()
          + " is vector and has no pixel density");
    }
    int pixels = scale == null ? (fmt == FigureFormat.PNG ? FigureOptions.DEFAULT_SCALE : 1) : scale;
    if (pixels < 1) {
      throw new UserInputException("--scale must be a whole number of at least 1: " + scale);
    }
    return new FigureOptions(fmt, figureSize(), fontSize, family, pixels);
  }

  private FigureSize figureSize() {
    if (width == null && height == null) {
      String preset = size == null ? "single" : size;
      return FigureSize.preset(preset).orElseThrow(() -> new UserInputException(
          "--size " + preset + " is not a preset; use single (3.25 in wide) or double (6.75 in),"
              + " or --width and --height"));
    }
    if (size != null) {
      throw new UserInputException("--size and --width/--height both give the size; pass one");
    }
    if (width == null || height == null) {
      throw new UserInputException("--width and --height go together; pass both (e.g. --width"
          + " 3.25 --height 2.5, in inches, or 234pt)");
    }
    return new FigureSize(length("--width", width), length("--height", height));
  }

  private static double length(String option, String text) {
    Optional<Double> inches = FigureSize.inches(text);
    if (inches.isEmpty() || !(inches.get() > 0) || !Double.isFinite(inches.get())) {
      throw new UserInputException(option + " " + text + " is not a positive length; give inches"
          + " (3.25 or 3.25in) or points (234pt)");
    }
    return inches.get();
  }

  /** The result-set checks of {@code report}: a folder with a manifest and a safe name. */
  private void checkResults() {
    if (!Files.isDirectory(results)) {
      throw new UserInputException(results + ": no such results folder; pass a folder written by"
          + " `optbench run`, e.g. results/quickstart");
    }
    if (!Files.isRegularFile(results.resolve("manifest.json"))) {
      throw new UserInputException(results + ": no manifest.json, so not a complete result set"
          + " (an interrupted run leaves none); rerun the experiment with `optbench run`");
    }
    ResultFiles.experimentOf(results);
  }
}
