package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.io.ResultSeries;
import org.optbench.report.ChartFigure;
import org.optbench.report.ReportCharts;
import org.optbench.testing.Chromium;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code figures} in each format, drawn by the real headless Chromium (skipped where there is none),
 * checked against the sizes the presets promise: single = 3.25 in × 2.5 in, i.e. 234 × 180 pt
 * (72 pt/in, the PDF unit) and 312 × 240 CSS px (96 px/in, CSS Values and Units §6.2).
 */
@Tag("slow")
class FiguresCommandTest {

  private static final Path PDFLATEX = Path.of("/usr/bin/pdflatex");

  @TempDir static Path tmp;
  static Path results;
  static List<ChartFigure> charts;

  @BeforeAll
  static void resultSet() throws Exception {
    results = Cli.resultSet(tmp.resolve("results"), "figs");
    charts = ReportCharts.of(ResultSeries.read(results));
  }

  @Test
  void pdfIsOneVectorPageOfThePresetSizePerChart() throws Exception {
    Path out = export("pdf", "--size", "single");
    for (ChartFigure chart : charts) {
      byte[] pdf = Files.readAllBytes(out.resolve(chart.id() + ".pdf"));
      String text = new String(pdf, StandardCharsets.ISO_8859_1);
      assertTrue(text.startsWith("%PDF-"), chart.id());
      assertEquals(1, count(text, Pattern.compile("/Type\\s*/Page[^s]")), chart.id() + ": pages");
      Matcher box = Pattern.compile("/MediaBox\\s*\\[\\s*0 0 ([\\d.]+) ([\\d.]+)\\s*]").matcher(text);
      assertTrue(box.find(), chart.id() + ": media box");
      assertEquals(3.25 * 72, Double.parseDouble(box.group(1)), 1e-6, chart.id() + ": width pt");
      assertEquals(2.5 * 72, Double.parseDouble(box.group(2)), 1e-6, chart.id() + ": height pt");
      // plotly draws a heatmap's cells as one embedded image (its SVG holds an <image>); every
      // other chart is paths and text only.
      boolean heatmap = chart.figure().path("data").findValuesAsText("type").contains("heatmap");
      assertEquals(heatmap, text.contains("/Subtype /Image"), chart.id() + ": raster only for heatmaps");
      String content = inflatedStreams(pdf);
      // PDF 32000-1 §9.4 (BT … ET text objects) and §8.5.2 (re, l, c path construction).
      assertTrue(content.contains("BT") && content.contains("ET"), chart.id() + ": text as text");
      assertTrue(Pattern.compile("\\s(re|l|c)\\s").matcher(content).find(), chart.id() + ": paths");
    }
    assertTrue(Files.readString(out.resolve("captions.tex"))
        .contains("\\label{fig:" + charts.get(0).id() + "}"));
    assumeTrue(Files.isExecutable(PDFLATEX), "no " + PDFLATEX + ": LaTeX inclusion not checked");
    StringBuilder tex = new StringBuilder(
        "\\documentclass{article}\n\\usepackage{graphicx}\n\\begin{document}\n");
    for (ChartFigure chart : charts) {
      tex.append("\\includegraphics{").append(chart.id()).append(".pdf}\n\n");
    }
    tex.append("\\end{document}\n");
    Files.writeString(out.resolve("paper.tex"), tex);
    Process latex = new ProcessBuilder(PDFLATEX.toString(), "-interaction=nonstopmode",
        "-halt-on-error", "paper.tex").directory(out.toFile()).redirectErrorStream(true).start();
    String log = new String(latex.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(latex.waitFor(60, TimeUnit.SECONDS), "pdflatex finished");
    assertEquals(0, latex.exitValue(), log);
    assertTrue(Files.size(out.resolve("paper.pdf")) > 1000, log);
  }

  @Test
  void svgHasThePresetSizeOneFontAndNoTitle() throws Exception {
    Path out = export("svg", "--size", "single");
    for (ChartFigure chart : charts) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document svg = factory.newDocumentBuilder().parse(out.resolve(chart.id() + ".svg").toFile());
      Element root = svg.getDocumentElement();
      assertEquals("svg", root.getLocalName(), chart.id());
      assertEquals("312", root.getAttribute("width"), chart.id() + ": 3.25 in at 96 px/in");
      assertEquals("240", root.getAttribute("height"), chart.id() + ": 2.5 in at 96 px/in");
      String title = chart.figure().path("layout").path("title").asText();
      assertFalse(title.isBlank(), chart.id() + " has a title on the report page");
      NodeList texts = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
      assertTrue(texts.getLength() > 0, chart.id() + ": texts");
      for (int i = 0; i < texts.getLength(); i++) {
        Element text = (Element) texts.item(i);
        String style = text.getAttribute("style");
        assertTrue(style.contains("font-family: Helvetica, Arial, sans-serif"), chart.id() + ": " + style);
        // 8 pt on paper is 8 × 96/72 = 10.67 CSS px; plotly shrinks heatmap cell labels to fit.
        boolean cellLabel = ((Element) text.getParentNode()).getAttribute("class").equals("heatmap-label");
        assertTrue(cellLabel || style.matches(".*font-size: 10\\.6+7?px.*"), chart.id() + ": " + style);
        assertFalse(text.getTextContent().equals(title), chart.id() + ": title inside the image");
      }
    }
  }

  @Test
  void pngHasTheSizeTimesTheScale() throws Exception {
    Path out = export("png", "--width", "3in", "--height", "144pt", "--scale", "2",
        "--only", charts.get(0).id());
    try (var files = Files.list(out)) {
      assertEquals(List.of("captions.tex", "figures.json", charts.get(0).id() + ".png"),
          files.map(p -> p.getFileName().toString()).sorted().toList(), "only the chart asked for");
    }
    byte[] png = Files.readAllBytes(out.resolve(charts.get(0).id() + ".png"));
    // PNG signature, ISO/IEC 15948 §5.2.
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
        Arrays.copyOf(png, 8));
    BufferedImage image = ImageIO.read(out.resolve(charts.get(0).id() + ".png").toFile());
    assertEquals(3 * 96 * 2, image.getWidth(), "3 in × 96 px/in × scale 2");
    assertEquals(2 * 96 * 2, image.getHeight(), "144 pt = 2 in, × 96 px/in × scale 2");
    // White paper: the corner pixel.
    assertEquals(0xffffffff, image.getRGB(0, 0));
  }

  @Test
  void stopsTheBrowserAtTheTimeoutAndWritesNothing() {
    assumeTrue(Chromium.available(), "no " + Chromium.PATH + ": figures not drawn");
    // One second is too short for Chromium to start and load plotly (11 MB) on any machine here.
    Path out = tmp.resolve("figures-late");
    Cli.Result result = Cli.execute("figures", results.toString(), "--format", "svg",
        "--timeout", "1", "--out", out.toString());
    assertEquals(1, result.exit(), result.all());
    assertTrue(result.err().startsWith("error: figures not written: chromium took more than 1 s"
        + " to start and load plotly"), result.all());
    assertFalse(result.hasStackTrace(), result.all());
    assertFalse(Files.exists(out), "nothing written");
  }

  /** Runs {@code figures} in {@code format} into a fresh folder; returns the folder. */
  private static Path export(String format, String... options) {
    assumeTrue(Chromium.available(), "no " + Chromium.PATH + ": figures not drawn");
    Path out = tmp.resolve("figures-" + format);
    List<String> args = new ArrayList<>(List.of("figures", results.toString(), "--format", format,
        "--out", out.toString()));
    args.addAll(List.of(options));
    Cli.Result result = Cli.execute(args.toArray(String[]::new));
    assertEquals(0, result.exit(), result.all());
    return out;
  }

  private static int count(String text, Pattern pattern) {
    Matcher m = pattern.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Every FlateDecode stream of {@code pdf}, inflated and joined (PDF 32000-1 §7.4.4). */
  private static String inflatedStreams(byte[] pdf) throws Exception {
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    StringBuilder all = new StringBuilder();
    Matcher stream = Pattern.compile("stream\r?\n").matcher(text);
    while (stream.find()) {
      int start = stream.end();
      int end = text.indexOf("endstream", start);
      if (end < 0) {
        break;
      }
      Inflater inflater = new Inflater();
      inflater.setInput(Arrays.copyOfRange(pdf, start, end));
      ByteArrayOutputStream plain = new ByteArrayOutputStream();
      byte[] buffer = new byte[1 << 16];
      try {
        while (!inflater.finished()) {
          int n = inflater.inflate(buffer);
          if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
            break;
          }
          plain.write(buffer, 0, n);
        }
      } catch (java.util.zip.DataFormatException notFlate) {
        // an uncompressed stream or another filter: not a content stream of Chromium's
      } finally {
        inflater.end();
      }
      all.append(plain.toString(StandardCharsets.ISO_8859_1)).append('\n');
    }
    return all.toString();
  }
}
