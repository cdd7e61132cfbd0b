package org.optbench.figures;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The file formats of exported figures. PDF and SVG are vector (text stays text, lines stay
 * lines); PNG is a raster at {@code scale} device pixels per CSS pixel, for slides and web pages.
 */
public enum FigureFormat {
  /** One vector page per figure, page size = figure size; for pdflatex's \includegraphics. */
  PDF,
  /** plotly's own SVG export, sized in CSS pixels (96 per inch). */
  SVG,
  /** plotly's PNG export (Chromium's canvas), size in pixels = figure size × scale. */
  PNG;

  /** The file extension, without the dot. */
  public String extension() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format named {@code name} (case-insensitive), or empty. */
  public static Optional<FigureFormat> named(String name) {
    return Arrays.stream(values()).filter(f -> f.extension().equalsIgnoreCase(name)).findFirst();
  }

  /** The names accepted by {@link #named}, e.g. {@code pdf, svg, png}. */
  public static String names() {
    return Arrays.stream(values()).map(FigureFormat::extension).collect(Collectors.joining(", "));
  }
}
